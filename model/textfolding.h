#pragma once

#include <QString>
#include <QStringView>

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dateline {

// Lower case without diacritics, typographic apostrophes and non-breaking spaces made plain:
// "L’Élysée" -> "l'elysee". One UTF-16 unit in, one out, so offsets into the folded text
// are offsets into the original.
QString foldForMatching(QStringView text);

// foldForMatching() for a regular expression: escapes ("\\S", "\\p{Lu}") are kept as written.
QString foldPattern(QStringView pattern);

// The characters French text uses as apostrophes: ' ’ ‘ ʼ ´ `.
bool isApostrophe(QChar c);

// Whether `word` (already folded) occurs in `folded` as a whole word, not inside another.
bool containsWord(QStringView folded, QStringView word);

// Whether the characters at `start` and just before `end` are word boundaries in `text`.
bool isWordBoundedAt(QStringView text, qsizetype start, qsizetype end);

} // namespace dateline

#include "article.h"

namespace dateline {

// Hashes a word by its UTF-16 units. Matching looks up every word of every article, and
// qHash's seeded hash costs several times more on such short keys.
struct WordHash
{
    size_t operator()(QStringView word) const noexcept
    {
        return std::hash<std::u16string_view>{}(std::u16string_view(word.utf16(), size_t(word.size())));
    }
};
// Maps and sets keyed by views: whoever fills them keeps the viewed strings alive.
template<typename T>
using WordMap = std::unordered_map<QStringView, T, WordHash>;
using WordSet = std::unordered_set<QStringView, WordHash>;

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
QList<TextSpan> wordSpans(QStringView text, TextSpan range);

} // namespace dateline
