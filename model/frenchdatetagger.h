#pragma once

#include "datevalue.h"

#include <QList>
#include <QString>

#include <memory>

namespace dateline {

// One date expression found in a text.
struct TimeExpression
{
    qsizetype start = 0;   // UTF-16 offsets into the text given to the tagger
    qsizetype end = 0;
    QString text;
    QString value;         // TimeML value: "2022-02-24", "2022-02", "2022", "1999-SU", "PAST_REF"...
    DateValue date;        // the calendar value at its precision; invalid when unresolved or not a date
    bool explicitYear = false;  // the expression itself names its year ("le 24 février 2022", "en 2014")
    // Resolved against the last date mentioned only because the publication date is unknown:
    // "mardi" after "en février 2022" in an undated article. What the tagger must answer, but a guess.
    bool referenceStandIn = false;
};

// Rule-based temporal tagger for French news text. Patterns and word tables are read from
// resources (dates-fr.json) so that users can extend them without rebuilding.
class FrenchDateTagger final
{
public:
    FrenchDateTagger();
    ~FrenchDateTagger();
    FrenchDateTagger(const FrenchDateTagger &) = delete;
    FrenchDateTagger &operator=(const FrenchDateTagger &) = delete;

    // Finds the date expressions of a whole document, in order. Relative expressions resolve
    // against `reference` (the publication date, at whatever precision it is known) or, when
    // it is invalid, against the last date mentioned before them; otherwise they stay unresolved.
    // The text may contain runs of blanks standing in for junk: offsets are kept as given.
    // Only the first kMaxExpressions are kept, and `cut`, if given, tells whether there were more:
    // a scraped page of "en 2020" repeated made gigabytes of them.
    QList<TimeExpression> tag(QStringView text, const DateValue &reference, bool *cut = nullptr) const;
    static QString cutProblem();  // an article's problem, when `cut` was set

    // A text is tagged a piece of at most this many UTF-16 units at a time, cut between sentences
    // where it can (endOfPiece()): its tokens take 56 bytes each, and a scraped file may be 64 MB
    // of digits.
    static constexpr qsizetype kMaxPieceLength = 1 << 16;
    static constexpr qsizetype kMaxExpressions = 100'000;

private:
    struct Rules;
    std::unique_ptr<const Rules> m_rules;
};

} // namespace dateline
