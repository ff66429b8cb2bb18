#pragma once

#include <QString>
#include <QStringView>

namespace dateline {

// Lower case without diacritics, typographic apostrophes and non-breaking spaces made plain:
// "L’Élysée" -> "l'elysee". One UTF-16 unit in, one out, so offsets into the folded text
// are offsets into the original.
QString foldForMatching(QStringView text);

// Whether `word` (already folded) occurs in `folded` as a whole word, not inside another.
bool containsWord(QStringView folded, QStringView word);

// Whether the characters at `start` and just before `end` are word boundaries in `text`.
bool isWordBoundedAt(QStringView text, qsizetype start, qsizetype end);

} // namespace dateline

#include "article.h"

namespace dateline {

// The words of text[range]: runs of letters and digits, hyphens inside a word included
// ("sino-russe", "Jong-un"); apostrophes and punctuation separate words ("l'État" is "l", "État").
QList<TextSpan> wordSpans(QStringView text, TextSpan range);

} // namespace dateline
