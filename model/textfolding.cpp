#include "textfolding.h"

#include <QSet>

#include <array>
#include <functional>

namespace dateline {

namespace {
// No ASCII character is a mark: the Unicode tables need not be asked.
bool isWordChar(QChar c)
{
    return c.unicode() < 0x80 ? isAsciiOf(c.unicode(), AsciiLetter | AsciiDigit) : c.isLetterOrNumber() || c.isMark();
}

// French elided words end with an apostrophe: l', d', qu', jusqu'...
bool isElision(QStringView word)
{
    static const QStringList longer{QStringLiteral("qu"), QStringLiteral("jusqu"), QStringLiteral("lorsqu"),
                                    QStringLiteral("puisqu"), QStringLiteral("quoiqu"), QStringLiteral("presqu"),
                                    QStringLiteral("quelqu")};
    return word.size() == 1
           || std::any_of(longer.cbegin(), longer.cend(), [word](const QString &e) { return word.compare(e, Qt::CaseInsensitive) == 0; });
}
} // namespace

namespace {

// foldForMatching() of one UTF-16 unit that is not ASCII.
QChar foldNonAscii(QChar c)
{
    switch (c.unicode()) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4:
        return u'\'';  // isApostrophe()
    case 0x00A0: case 0x202F: case 0x2009:
        return u' ';
    case 0x2010: case 0x2011: case 0x2013:
        return u'-';
    default:
        break;
    }
    if (c.decompositionTag() == QChar::Canonical) {
        const QString decomposed = c.decomposition();
        if (!decomposed.isEmpty() && !decomposed.front().isHighSurrogate())
            c = decomposed.front();
    }
    return c.isSurrogate() ? c : c.toCaseFolded();
}

// foldNonAscii() of the Latin letters French text is written with, worked out once: decomposition()
// allocates a string for every accented letter.
constexpr char16_t kFoldTableEnd = 0x250;
const std::array<char16_t, kFoldTableEnd> &latinFolds()
{
    static const std::array<char16_t, kFoldTableEnd> table = [] {
        std::array<char16_t, kFoldTableEnd> folds{};
        for (char16_t c = 0x80; c < kFoldTableEnd; ++c)
            folds[c] = foldNonAscii(QChar(c)).unicode();
        return folds;
    }();
    return table;
}

} // namespace

bool foldAscii(QStringView text, QChar *out)
{
    const char16_t *in = text.utf16();
    char16_t nonAscii = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = in[i];
        out[i] = QChar(char16_t(c - u'A') < 26 ? char16_t(c + (u'a' - u'A')) : c == u'`' ? u'\'' : c);
        nonAscii |= char16_t(c >> 7);
    }
    return nonAscii != 0;
}

QString foldForMatching(QStringView text)
{
    QString folded;
    foldForMatching(text, folded);
    return folded;
}

void foldForMatching(QStringView text, QString &folded)
{
    folded.resize(text.size());
    QChar *out = folded.data();
    if (!foldAscii(text, out))
        return;
    const auto &latin = latinFolds();
    forEachNonAsciiUnit(text, [&](qsizetype i) {
        const QChar c = text[i];
        out[i] = c.unicode() < kFoldTableEnd ? QChar(latin[c.unicode()]) : foldNonAscii(c);
    });
}

QString foldPattern(QStringView pattern)
{
    QString folded = foldForMatching(pattern);
    for (qsizetype i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern[i] != u'\\')
            continue;
        // Keep the escaped character, and a property name in braces, as written.
        qsizetype end = i + 2;
        if (end < pattern.size() && pattern[end] == u'{') {
            const qsizetype close = pattern.indexOf(u'}', end);
            end = close < 0 ? pattern.size() : close + 1;
        }
        for (qsizetype k = i + 1; k < end; ++k)
            folded[k] = pattern[k];
        i = end - 1;
    }
    return folded;
}

namespace {

// What leadingLiterals() reads of a pattern: literals and groups; anything else is opaque.
struct RegexNode
{
    enum class Kind : quint8 { Literal, Group, Opaque };
    Kind kind = Kind::Opaque;
    QChar literal;
    std::vector<std::vector<RegexNode>> alternatives;  // of a group
    bool optional = false;
};
using RegexSequence = std::vector<RegexNode>;

class RegexPrefixParser
{
public:
    explicit RegexPrefixParser(QStringView pattern) : m_pattern(pattern) {}

    // The pattern's alternatives, or none if it uses what the parser does not know.
    std::optional<std::vector<RegexSequence>> parse()
    {
        auto alternatives = parseAlternatives();
        if (m_failed || m_at != m_pattern.size())
            return std::nullopt;
        return alternatives;
    }

private:
    QStringView m_pattern;
    qsizetype m_at = 0;
    bool m_failed = false;

    bool startsWith(QStringView prefix) const { return m_pattern.sliced(m_at).startsWith(prefix); }

    std::vector<RegexSequence> parseAlternatives()
    {
        std::vector<RegexSequence> alternatives(1);
        while (!m_failed && m_at < m_pattern.size() && m_pattern[m_at] != u')') {
            if (m_pattern[m_at] == u'|') {
                ++m_at;
                alternatives.emplace_back();
            } else {
                parseAtom(alternatives.back());
            }
        }
        return alternatives;
    }

    void skipClass()
    {
        ++m_at;  // '['
        if (m_at < m_pattern.size() && m_pattern[m_at] == u'^')
            ++m_at;
        if (m_at < m_pattern.size() && m_pattern[m_at] == u']')
            ++m_at;  // a leading ']' is a member
        while (m_at < m_pattern.size() && m_pattern[m_at] != u']') {
            if (m_pattern[m_at] == u'\\') {
                m_at += 2;
            } else if (startsWith(u"[:")) {
                const qsizetype close = m_pattern.indexOf(u":]", m_at + 2);
                m_at = close < 0 ? m_pattern.size() : close + 2;
            } else {
                ++m_at;
            }
        }
        if (m_at >= m_pattern.size())
            m_failed = true;
        ++m_at;
    }

    // A counted repeat "{2}", "{0,5}"; anything else after '{' is left to the caller.
    bool skipCountedRepeat()
    {
        qsizetype k = m_at + 1;
        const auto digits = [&] {
            const qsizetype from = k;
            while (k < m_pattern.size() && m_pattern[k].isDigit())
                ++k;
            return k > from;
        };
        if (!digits())
            return false;
        if (k < m_pattern.size() && m_pattern[k] == u',') {
            ++k;
            digits();
        }
        if (k >= m_pattern.size() || m_pattern[k] != u'}')
            return false;
        m_at = k + 1;
        return true;
    }

    void parseAtom(RegexSequence &sequence)
    {
        RegexNode node;
        bool zeroWidth = false;
        const QChar c = m_pattern[m_at];
        if (c == u'(') {
            ++m_at;
            if (startsWith(u"?:")) {
                m_at += 2;
            } else if (startsWith(u"?=") || startsWith(u"?!")) {
                m_at += 2;
                zeroWidth = true;
            } else if (startsWith(u"?<=") || startsWith(u"?<!")) {
                m_at += 3;
                zeroWidth = true;
            } else if (startsWith(u"?")) {
                m_failed = true;  // options, named or atomic groups, comments
                return;
            }
            node.kind = RegexNode::Kind::Group;
            node.alternatives = parseAlternatives();
            if (m_at >= m_pattern.size()) {
                m_failed = true;
                return;
            }
            ++m_at;  // ')'
        } else if (c == u'\\') {
            if (m_at + 1 >= m_pattern.size()) {
                m_failed = true;
                return;
            }
            const QChar escaped = m_pattern[m_at + 1];
            m_at += 2;
            if (escaped == u'b' || escaped == u'B') {
                zeroWidth = true;
            } else if (escaped.isLetterOrNumber()) {
                if ((escaped == u'p' || escaped == u'P') && startsWith(u"{")) {
                    const qsizetype close = m_pattern.indexOf(u'}', m_at);
                    m_at = close < 0 ? m_pattern.size() : close + 1;
                }
                node.kind = RegexNode::Kind::Opaque;  // \w, \d, \s, \p{L}, \x{..}, \Q...
            } else {
                node.kind = RegexNode::Kind::Literal;
                node.literal = escaped;
            }
        } else if (c == u'[') {
            skipClass();
            node.kind = RegexNode::Kind::Opaque;
        } else if (c == u'^' || c == u'$') {
            ++m_at;
            zeroWidth = true;
        } else if (c == u'.') {
            ++m_at;
            node.kind = RegexNode::Kind::Opaque;
        } else if (c == u'*' || c == u'+' || c == u'?' || c == u'{') {
            m_failed = true;
            return;
        } else {
            ++m_at;
            node.kind = RegexNode::Kind::Literal;
            node.literal = c;
        }
        if (m_failed)
            return;

        if (m_at < m_pattern.size()) {
            const QChar q = m_pattern[m_at];
            const bool repeat = q == u'*' || q == u'+' || (q == u'{' && skipCountedRepeat());
            if (zeroWidth && (repeat || q == u'?' || q == u'*' || q == u'+')) {
                m_failed = true;
                return;
            }
            if (q == u'?') {
                ++m_at;
                node.optional = true;
            } else if (q == u'*' || q == u'+') {
                ++m_at;
            }
            if (repeat)
                node.kind = RegexNode::Kind::Opaque;  // leadingLiterals() stops at repeats
            if (m_at < m_pattern.size() && (m_pattern[m_at] == u'?' || m_pattern[m_at] == u'+'))
                ++m_at;  // lazy or possessive
        }
        if (!zeroWidth)
            sequence.push_back(std::move(node));
    }
};

constexpr qsizetype kMaxLeadingLiterals = 4096;

class LeadingLiteralCollector
{
public:
    LeadingLiteralCollector(qsizetype minLength, qsizetype maxLength) : m_minLength(minLength), m_maxLength(maxLength) {}

    using Continuation = std::function<bool(const QString &)>;

    // Walks `sequence` from `from` with `prefix` read so far; `next` reads what follows it.
    bool walk(const RegexSequence &sequence, size_t from, QString prefix, const Continuation &next)
    {
        for (size_t k = from;; ++k) {
            if (prefix.size() >= m_maxLength)
                return add(prefix.first(m_maxLength));
            if (k == sequence.size())
                return next(prefix);
            const RegexNode &node = sequence[k];
            if (node.kind == RegexNode::Kind::Opaque)
                return add(prefix);
            if (node.optional && !walk(sequence, k + 1, prefix, next))
                return false;
            if (node.kind == RegexNode::Kind::Literal) {
                prefix += node.literal;
                continue;
            }
            const Continuation afterGroup = [&](const QString &read) { return walk(sequence, k + 1, read, next); };
            for (const RegexSequence &alternative : node.alternatives) {
                if (!walk(alternative, 0, prefix, afterGroup))
                    return false;
            }
            return true;
        }
    }

    // The literal text of a match ends with `prefix`, or with what no literal tells.
    bool add(const QString &prefix)
    {
        if (prefix.size() < m_minLength)
            return false;
        m_found.insert(prefix);
        return m_found.size() <= kMaxLeadingLiterals;
    }

    QStringList found() const { return QStringList(m_found.cbegin(), m_found.cend()); }

private:
    qsizetype m_minLength;
    qsizetype m_maxLength;
    QSet<QString> m_found;
};

} // namespace

std::optional<QStringList> leadingLiterals(QStringView pattern, qsizetype minLength, qsizetype maxLength)
{
    const auto alternatives = RegexPrefixParser(pattern).parse();
    if (!alternatives || minLength <= 0 || maxLength < minLength)
        return std::nullopt;
    LeadingLiteralCollector collector(minLength, maxLength);
    const auto patternEnd = [&collector](const QString &prefix) { return collector.add(prefix); };
    for (const RegexSequence &alternative : *alternatives) {
        if (!collector.walk(alternative, 0, QString(), patternEnd))
            return std::nullopt;
    }
    QStringList found = collector.found();
    found.sort();
    return found;
}

bool isWordBoundedAt(QStringView text, qsizetype start, qsizetype end)
{
    const bool startOk = start <= 0 || !isWordChar(text[start - 1]) || !isWordChar(text[start]);
    const bool endOk = end >= text.size() || end <= 0 || !isWordChar(text[end]) || !isWordChar(text[end - 1]);
    return startOk && endOk;
}

qsizetype endOfPiece(QStringView text, qsizetype start, qsizetype maxLength)
{
    Q_ASSERT(maxLength >= 2);
    if (text.size() - start <= maxLength)
        return text.size();
    const qsizetype end = start + maxLength;
    const auto lastCut = [&](auto isCut) {
        for (qsizetype i = end - 1; i >= end - maxLength / 2; --i) {
            if (isCut(i))
                return i;
        }
        return qsizetype(-1);
    };
    const auto betweenSentences = [&](qsizetype i) {
        return isLineBreak(text[i])
               || (text[i].isSpace() && QStringView(u".!?").contains(text[i - 1]) && text[i + 1].isUpper());
    };
    const auto blank = [&](qsizetype i) { return text[i].isSpace(); };
    if (const qsizetype cut = lastCut(betweenSentences); cut >= 0)
        return cut;
    if (const qsizetype cut = lastCut(blank); cut >= 0)
        return cut;
    return text[end - 1].isHighSurrogate() && text[end].isLowSurrogate() ? end - 1 : end;
}

bool containsWord(QStringView folded, QStringView word)
{
    if (word.isEmpty())
        return false;
    for (qsizetype at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
        if (isWordBoundedAt(folded, at, at + word.size()))
            return true;
    }
    return false;
}

} // namespace dateline

namespace dateline {

CodePointOffsets::CodePointOffsets(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isLowSurrogate())
            m_lowSurrogates.append(i);
    }
}

qsizetype CodePointOffsets::operator()(qsizetype utf16Offset) const
{
    const auto before = std::lower_bound(m_lowSurrogates.cbegin(), m_lowSurrogates.cend(), utf16Offset);
    return utf16Offset - (before - m_lowSurrogates.cbegin());
}

WordSpans wordSpans(QStringView text, TextSpan range)
{
    // Written through a pointer: appending costs a few times the rest of a short word. A word
    // and the unit that ends it take two units or more.
    WordSpans words(std::max<qsizetype>(range.length() + 1, 0) / 2);
    TextSpan *out = words.data();
    const char16_t *const begin = text.utf16();
    const char16_t *const end = begin + range.end;
    for (const char16_t *at = begin + range.start; at < end;) {
        if (!isWordChar(*at)) {
            ++at;
            continue;
        }
        const char16_t *const start = at;
        for (;;) {
            // Most of a word is ASCII letters and digits: they are stepped over eight at a time.
            at = pastAsciiRun(at, end, AsciiLetter | AsciiDigit);
            if (at == end)
                break;
            if (isWordChar(*at)) {  // not ASCII, after the run
                ++at;
                continue;
            }
            // A hyphen or an apostrophe between word units: "sino-russe" is one word, as are "Xi'an"
            // and "aujourd'hui"; "l'État" and "qu'il" are two.
            if (at + 1 == end || !isWordChar(at[1]))
                break;
            if (*at == u'-' || (isApostrophe(QChar(*at)) && !isElision(QStringView(start, at))))
                ++at;
            else
                break;
        }
        *out++ = TextSpan::of(start - begin, at - begin);
    }
    words.resize(out - words.constData());
    return words;
}

} // namespace dateline
