#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <tuple>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dateline {

// Lower case without diacritics, typographic apostrophes and non-breaking spaces made plain:
// "L’Élysée" -> "l'elysee". One UTF-16 unit in, one out, so offsets into the folded text
// are offsets into the original.
QString foldForMatching(QStringView text);
void foldForMatching(QStringView text, QString &folded);  // into `folded`, whose memory a loop can reuse

// The part of folding that most of French text needs, in a loop the compiler vectorises: writes
// `text` to `out` with ASCII capitals in lower case and '`' made an apostrophe, every other unit
// as it is. Returns whether some unit is not ASCII, for the caller to fold those in a second pass.
bool foldAscii(QStringView text, QChar *out);

// Calls fold(i) for each unit text[i] that is not ASCII, the second pass of folding. It tests
// four units at a time: French text is mostly ASCII, and a test per unit cost as much as the
// vectorised first pass.
template<typename Fold>
void forEachNonAsciiUnit(QStringView text, Fold fold)
{
    const char16_t *units = text.utf16();
    const qsizetype size = text.size();
    qsizetype i = 0;
    for (; i + 4 <= size; i += 4) {
        quint64 four;
        std::memcpy(&four, units + i, sizeof four);
        if (!(four & 0xFF80FF80FF80FF80ULL))
            continue;
        for (qsizetype k = i; k < i + 4; ++k) {
            if (units[k] >= 0x80)
                fold(k);
        }
    }
    for (; i < size; ++i) {
        if (units[i] >= 0x80)
            fold(i);
    }
}

// foldForMatching() for a regular expression: escapes ("\\S", "\\p{Lu}") are kept as written.
QString foldPattern(QStringView pattern);

// Classes of ASCII units, looked up in a table by the loops that ask them of every character.
enum AsciiClass : quint8 {
    AsciiLetter = 1,
    AsciiDigit = 2,
    AsciiUnderscore = 4,
    AsciiBlank = 8,  // space, \t, \n, \v, \f, \r: what \s matches without Unicode properties
};
inline constexpr std::array<quint8, 0x80> kAsciiClasses = [] {
    std::array<quint8, 0x80> classes{};
    for (char16_t c = 0; c < 0x80; ++c) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            classes[c] = AsciiLetter;
        else if (c >= u'0' && c <= u'9')
            classes[c] = AsciiDigit;
        else if (c == u'_')
            classes[c] = AsciiUnderscore;
        else if (c == u' ' || (c >= u'\t' && c <= u'\r'))
            classes[c] = AsciiBlank;
    }
    return classes;
}();
// What \w matches without Unicode properties.
inline constexpr unsigned kAsciiWordClasses = AsciiLetter | AsciiDigit | AsciiUnderscore;
// Whether `unit` is ASCII and of one of `classes` (AsciiClass values or'ed together).
constexpr bool isAsciiOf(char16_t unit, unsigned classes) { return unit < 0x80 && (kAsciiClasses[unit] & classes); }

#ifdef __SSE2__
// Bit k set when units[k], of the eight from `units` on, is ASCII and of one of `classes`
// (AsciiLetter, AsciiDigit and AsciiUnderscore or'ed together): isAsciiOf() for eight units.
inline unsigned asciiMask8(const char16_t *units, unsigned classes)
{
    Q_ASSERT(!(classes & AsciiBlank));  // the mask has no test for blanks
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units));
    // x - first, wrapping, is at most `span` only for units from first to first + span.
    const auto inRange = [](__m128i x, char16_t first, short span) {
        return _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(x, _mm_set1_epi16(short(first))), _mm_set1_epi16(span)),
                               _mm_setzero_si128());
    };
    __m128i in = _mm_setzero_si128();
    if (classes & AsciiLetter)  // setting 0x20 lowers capitals and moves no other unit into a-z
        in = inRange(_mm_or_si128(v, _mm_set1_epi16(0x20)), u'a', 25);
    if (classes & AsciiDigit)
        in = _mm_or_si128(in, inRange(v, u'0', 9));
    if (classes & AsciiUnderscore)
        in = _mm_or_si128(in, _mm_cmpeq_epi16(v, _mm_set1_epi16(u'_')));
    return unsigned(_mm_movemask_epi8(_mm_packs_epi16(in, in))) & 0xFFu;
}
#endif

// The end of the run of ASCII units of `classes` (as for asciiMask8()) from `from` on, at
// most `end`. Most words are such runs, and most are shorter than eight units: one test each.
inline const char16_t *pastAsciiRun(const char16_t *from, const char16_t *end, unsigned classes)
{
#ifdef __SSE2__
    for (; end - from >= 8; from += 8) {
        if (const unsigned in = asciiMask8(from, classes); in != 0xFFu)
            return from + std::countr_one(in);
    }
#endif
    while (from < end && isAsciiOf(*from, classes))
        ++from;
    return from;
}

// The first of `units` in [from, end), or `end`: eight units at a time, for scans of whole
// texts for a few rare characters.
template<typename... Units>
const char16_t *findAnyOf(const char16_t *from, const char16_t *end, Units... units)
{
#ifdef __SSE2__
    for (; end - from >= 8; from += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(from));
        __m128i any = _mm_setzero_si128();
        ((any = _mm_or_si128(any, _mm_cmpeq_epi16(v, _mm_set1_epi16(short(units))))), ...);
        if (const unsigned found = unsigned(_mm_movemask_epi8(any)))
            return from + std::countr_zero(found) / 2;  // two bits a unit
    }
#endif
    while (from < end && ((*from != units) && ...))
        ++from;
    return from;
}

// Calls visit(at), in order, for each position at < count of `text` (count <= text.size())
// that starts it or follows a unit other than an ASCII letter, digit or underscore: where a
// pattern's (?<!\w) holds without Unicode properties. Most units are letters: eight at a time.
template<typename Visit>
void forEachPositionAfterNonWord(QStringView text, qsizetype count, Visit visit)
{
    if (count <= 0)
        return;
    visit(qsizetype(0));
    const char16_t *const units = text.utf16();
    qsizetype before = 0;  // the unit before the positions looked at
#ifdef __SSE2__
    for (; before + 8 < count; before += 8) {
        for (unsigned after = ~asciiMask8(units + before, kAsciiWordClasses) & 0xFFu; after;
             after &= after - 1)
            visit(before + 1 + std::countr_zero(after));
    }
#endif
    for (; before + 1 < count; ++before) {
        if (!isAsciiOf(units[before], kAsciiWordClasses))
            visit(before + 1);
    }
}

// A line or a paragraph ends at `c`. The reader turns '\r' into '\n', but other texts are tagged too.
constexpr bool isLineBreak(QChar c) { return c == u'\n' || c == u'\r' || c == u'\u2029'; }

// The characters French text uses as apostrophes: ' ’ ‘ ʼ ´ `. Inline: tokenizers ask it of every character.
inline bool isApostrophe(QChar c)
{
    switch (c.unicode()) {
    case u'\'': case u'`': case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: return true;
    default: return false;
    }
}

// Whether `word` (already folded) occurs in `folded` as a whole word, not inside another.
bool containsWord(QStringView folded, QStringView word);

// Whether the characters at `start` and just before `end` are word boundaries in `text`.
bool isWordBoundedAt(QStringView text, qsizetype start, qsizetype end);

// Where a piece of `text` that begins at `start` ends, for work done a piece of at most
// `maxLength` (2 or more) at a time: the end of `text` if it is that near; else, in the piece's
// second half, its last line break or blank between two sentences, else its last blank (which
// may fall inside a phrase); else `start + maxLength`, or one before, not to part a surrogate pair.
qsizetype endOfPiece(QStringView text, qsizetype start, qsizetype maxLength);

// For prefilters that spare a regular expression the texts it cannot match: strings one of
// which every match of `pattern` (case-sensitive) begins with, each of `minLength` to
// `maxLength` UTF-16 units: the literal text a match opens with, cut at `maxLength`. Reads
// literals, escaped punctuation, groups, alternatives and `?`; skips lookarounds, \b, ^ and $;
// stops at classes, wildcards and repeats. Empty when it cannot tell: fewer than `minLength`
// literal units lead, the pattern sets options, or there would be too many strings.
std::optional<QStringList> leadingLiterals(QStringView pattern, qsizetype minLength, qsizetype maxLength);

} // namespace dateline

#include "article.h"

namespace dateline {

// Hashes a word by its UTF-16 units. Matching looks up every word of every article, several
// times: qHash's seeded hash, or std::hash's library call, costs several times more on such
// short keys. Eight units, the first and last four, and the length decide the hash; longer
// words that share them share a hash, and are told apart by their keys.
struct WordHash
{
    size_t operator()(QStringView word) const noexcept
    {
        const char16_t *units = word.utf16();
        const qsizetype size = word.size();
        quint64 head = 0;
        quint64 tail = 0;
        if (size >= 4) {
            std::memcpy(&head, units, sizeof head);
            std::memcpy(&tail, units + size - 4, sizeof tail);
        } else if (size > 0) {
            // Short words, the most frequent ones: the units packed as they come.
            head = units[0];
            if (size > 1)
                head = head << 16 | units[1];
            if (size > 2)
                head = head << 16 | units[2];
        }
        const quint64 hash = (head * 0x9E3779B97F4A7C15ULL) ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ (quint64(size) * 0x165667B19E3779F9ULL);
        return size_t(hash ^ (hash >> 29));
    }
};
// Where probing for `hash` starts in an open-addressing table of 2^bits slots: the high bits of
// a multiplicative hash, which depend on all of its bits.
constexpr size_t slotOf(quint64 hash, int bits) { return size_t((hash * 0x9E3779B97F4A7C15ULL) >> (64 - bits)); }

// QStringView's operator== calls into the library; words are short enough to compare here.
struct WordEqual
{
    bool operator()(QStringView a, QStringView b) const noexcept
    {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }
};
// QStringView::endsWith() is a library call; matching asks it of many words.
inline bool hasSuffix(QStringView text, QStringView suffix)
{
    return text.size() >= suffix.size() && WordEqual{}(text.last(suffix.size()), suffix);
}

// A word set (Mapped = void) or map keyed by views: whoever fills it keeps the viewed strings
// alive. Most words of a text are in none of the tables they are looked up in: two bit tests
// of a filter turn them away. A word that passes probes a flat array that holds each key's hash
// and view side by side, where std::unordered_map divided by a prime and chased three pointers
// to reach them; those lookups led profiles of whole corpora. Entries are kept in the order
// they were added; references to them last until the next one is added.
template<typename Mapped>
class WordTable final
{
public:
    using value_type = std::conditional_t<std::is_void_v<Mapped>, QStringView, std::pair<const QStringView, Mapped>>;
    using const_iterator = typename std::vector<value_type>::const_iterator;
    // A set's keys cannot be changed in place: they are indexed.
    using iterator = std::conditional_t<std::is_void_v<Mapped>, const_iterator, typename std::vector<value_type>::iterator>;

    WordTable() = default;
    WordTable(std::initializer_list<value_type> values) { insert(values.begin(), values.end()); }

    const_iterator begin() const { return m_entries.cbegin(); }
    const_iterator end() const { return m_entries.cend(); }
    iterator begin() { return m_entries.begin(); }
    iterator end() { return m_entries.end(); }
    const_iterator cbegin() const { return m_entries.cbegin(); }
    const_iterator cend() const { return m_entries.cend(); }
    size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }

    const_iterator find(QStringView word) const { return find(word, WordHash{}(word)); }
    iterator find(QStringView word) { return find(word, WordHash{}(word)); }
    bool contains(QStringView word) const { return indexOf(word, WordHash{}(word)) >= 0; }
    // The same for a word whose WordHash{}(word) is known: a tokenizer works it out once for
    // all the tables a word is looked up in.
    const_iterator find(QStringView word, size_t hash) const { return entryAt(indexOf(word, hash)); }
    iterator find(QStringView word, size_t hash) { return entryAt(indexOf(word, hash)); }
    bool contains(QStringView word, size_t hash) const { return indexOf(word, hash) >= 0; }

    template<typename... Args>
    std::pair<iterator, bool> emplace(QStringView word, Args &&...args)
    {
        const size_t hash = WordHash{}(word);
        if (const qsizetype found = indexOf(word, hash); found >= 0)
            return {entryAt(found), false};
        if constexpr (std::is_void_v<Mapped>) {
            static_assert(sizeof...(Args) == 0, "a set's entries are their words alone");
            m_entries.emplace_back(word);
        } else {
            m_entries.emplace_back(std::piecewise_construct, std::forward_as_tuple(word), std::forward_as_tuple(std::forward<Args>(args)...));
        }
        if (2 * m_entries.size() > m_slots.size())
            reindex();  // at most half full: probes stay short
        const qsizetype added = qsizetype(m_entries.size()) - 1;
        place(hash, word, added);
        return {entryAt(added), true};
    }
    std::pair<iterator, bool> insert(const value_type &value)
    {
        if constexpr (std::is_void_v<Mapped>)
            return emplace(value);
        else
            return emplace(value.first, value.second);
    }
    template<typename Iterator>
    void insert(Iterator first, Iterator last)
    {
        for (; first != last; ++first)
            insert(*first);
    }
    template<typename M = Mapped, typename = std::enable_if_t<!std::is_void_v<M>>>
    M &operator[](QStringView word)
    {
        return emplace(word).first->second;
    }
    template<typename M = Mapped, typename = std::enable_if_t<!std::is_void_v<M>>>
    const M &at(QStringView word) const
    {
        const qsizetype found = indexOf(word, WordHash{}(word));
        if (found < 0)
            throw std::out_of_range("WordTable::at: no such word");
        return m_entries[size_t(found)].second;
    }

private:
    struct Slot
    {
        size_t hash = 0;
        QStringView key;
        qsizetype entry = -1;  // none: the slot is free
    };
    static constexpr size_t kFilterBits = 4096;
    std::array<quint64, kFilterBits / 64> m_filter{};
    std::vector<Slot> m_slots;  // a power of two of them
    int m_slotBits = 0;
    std::vector<value_type> m_entries;

    const_iterator entryAt(qsizetype index) const { return index < 0 ? m_entries.cend() : m_entries.cbegin() + index; }
    iterator entryAt(qsizetype index) { return index < 0 ? end() : begin() + index; }

    // Two filter positions from the well-mixed high bits of the hash.
    static std::pair<size_t, size_t> filterBits(quint64 hash)
    {
        return {size_t(hash >> 52) % kFilterBits, size_t(hash >> 40) % kFilterBits};
    }

    // The filter's test is inlined into every lookup; the probe, that few lookups get to, is not.
    qsizetype indexOf(QStringView word, size_t hash) const
    {
        const auto [a, b] = filterBits(hash);
        return (m_filter[a / 64] >> (a % 64) & 1) && (m_filter[b / 64] >> (b % 64) & 1) ? probe(word, hash) : -1;
    }
    Q_NEVER_INLINE qsizetype probe(QStringView word, size_t hash) const
    {
        if (m_slots.empty())  // moved from
            return -1;
        const size_t mask = m_slots.size() - 1;
        for (size_t at = slotOf(hash, m_slotBits);; at = (at + 1) & mask) {
            const Slot &slot = m_slots[at];
            if (slot.entry < 0)
                return -1;
            if (slot.hash == hash && WordEqual{}(slot.key, word))
                return slot.entry;
        }
    }
    void place(size_t hash, QStringView key, qsizetype entry)
    {
        const auto [a, b] = filterBits(hash);
        m_filter[a / 64] |= quint64(1) << (a % 64);
        m_filter[b / 64] |= quint64(1) << (b % 64);
        const size_t mask = m_slots.size() - 1;
        size_t at = slotOf(hash, m_slotBits);
        while (m_slots[at].entry >= 0)
            at = (at + 1) & mask;
        m_slots[at] = {hash, key, entry};
    }
    // Twice as many slots, and what the old ones held placed again.
    void reindex()
    {
        m_slotBits = std::max(m_slotBits + 1, 4);
        const std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(size_t(1) << m_slotBits));
        for (const Slot &slot : old) {
            if (slot.entry >= 0)
                place(slot.hash, slot.key, slot.entry);
        }
    }
};

template<typename T>
using WordMap = WordTable<T>;
using WordSet = WordTable<void>;

// Converts UTF-16 offsets into Unicode code point offsets, as exports and tag-dates report them.
// Built once per text in one pass; each conversion is a binary search over the surrogate pairs.
class CodePointOffsets final
{
public:
    explicit CodePointOffsets(QStringView text);
    qsizetype operator()(qsizetype utf16Offset) const;

private:
    QList<qsizetype> m_lowSurrogates;  // positions of the second halves of surrogate pairs
};

// The words of text[range]: runs of letters and digits, hyphens inside a word included
// ("sino-russe", "Jong-un"); apostrophes and punctuation separate words ("l'État" is "l", "État").
// Those of a sentence of up to 511 units, nearly all of them, fit on the stack.
inline constexpr qsizetype kWordsOnStack = 256;
using WordSpans = QVarLengthArray<TextSpan, kWordsOnStack>;
WordSpans wordSpans(QStringView text, TextSpan range);

} // namespace dateline
