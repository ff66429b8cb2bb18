#include "textfolding.h"

namespace dateline {

namespace {
bool isWordChar(QChar c) { return c.isLetterOrNumber() || c.isMark(); }

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

QString foldForMatching(QStringView text)
{
    QString folded(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i) {
        QChar c = text[i];
        if (c.unicode() < 0x80) {
            folded[i] = c == u'`' ? u'\'' : c.toLower();
            continue;
        }
        switch (c.unicode()) {
        case 0x2019: case 0x2018: case 0x02BC: case 0x00B4:
            folded[i] = u'\'';  // isApostrophe()
            continue;
        case 0x00A0: case 0x202F: case 0x2009:
            folded[i] = u' ';
            continue;
        case 0x2010: case 0x2011: case 0x2013:
            folded[i] = u'-';
            continue;
        default:
            break;
        }
        if (c.decompositionTag() == QChar::Canonical) {
            const QString decomposed = c.decomposition();
            if (!decomposed.isEmpty() && !decomposed.front().isHighSurrogate())
                c = decomposed.front();
        }
        folded[i] = c.isSurrogate() ? c : c.toCaseFolded();
    }
    return folded;
}

bool isApostrophe(QChar c)
{
    switch (c.unicode()) {
    case u'\'': case u'`': case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: return true;
    default: return false;
    }
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

bool isWordBoundedAt(QStringView text, qsizetype start, qsizetype end)
{
    const bool startOk = start <= 0 || !isWordChar(text[start - 1]) || !isWordChar(text[start]);
    const bool endOk = end >= text.size() || end <= 0 || !isWordChar(text[end]) || !isWordChar(text[end - 1]);
    return startOk && endOk;
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

QList<TextSpan> wordSpans(QStringView text, TextSpan range)
{
    QList<TextSpan> words;
    qsizetype i = range.start;
    while (i < range.end) {
        while (i < range.end && !isWordChar(text[i]))
            ++i;
        const qsizetype start = i;
        while (i < range.end) {
            if (isWordChar(text[i])) {
                ++i;
            } else if (text[i] == u'-' && i + 1 < range.end && isWordChar(text[i + 1]) && i > start) {
                ++i;
            } else if (isApostrophe(text[i]) && i + 1 < range.end && isWordChar(text[i + 1])
                       && !isElision(text.mid(start, i - start))) {
                ++i;  // "Xi'an", "aujourd'hui": one word; "l'État", "qu'il": two
            } else {
                break;
            }
        }
        if (i > start)
            words.append({start, i});
    }
    return words;
}

} // namespace dateline
