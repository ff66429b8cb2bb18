#pragma once

#include "article.h"
#include "frenchdatetagger.h"
#include "pattern.h"

#include <QList>
#include <QRegularExpression>

#include <optional>

namespace dateline {

// Dates an article, most trusted source first: the header, a date in the header's URL,
// a dateline near the top ("Publié le ..."), an anniversary of an anchor event, and
// otherwise only a lower bound from the latest explicit date in the text.
// A wrong date is worse than none: every source refuses what it cannot read with certainty.
class PublicationDateFinder final
{
public:
    explicit PublicationDateFinder(const FrenchDateTagger &tagger);

    // Fills published, publishedSource, publishedAfter and publishedEvidence; may add problems.
    // An article dated by none of its sources has its extractableText() tagged against no
    // reference; `undatedTags`, when given, receives those tags so that they are not made twice.
    // If that tagging was cut (FrenchDateTagger::kMaxExpressions) and the article stays undated,
    // the problem is added here; an article it dates is to be tagged again, against its date.
    void date(Article &article, std::optional<QList<TimeExpression>> *undatedTags = nullptr) const;

    DateValue fromUrl(const QString &url) const;
    // `known`, when valid, is what more trusted sources said: a dateline without a year may refine it.
    DateValue fromDateline(const Article &article, QString *evidence, const DateValue &known = {}) const;
    DateValue fromAnniversary(const Article &article, QString *evidence) const;
    DateValue latestExplicitDate(const Article &article, QString *evidence) const;

private:
    DateValue fromAnniversary(const Article &article, const QString &extractableText, QString *evidence) const;
    DateValue latestExplicitDate(const QList<TimeExpression> &dates, QString *evidence) const;

    struct Anchor
    {
        QString name;
        DateValue date;
        Precision precision = Precision::Year;
        QRegularExpression pattern;
        QList<QStringList> context;
    };

    const FrenchDateTagger &m_tagger;
    QList<Anchor> m_anchors;
    QHash<QString, int> m_ordinals;
    Pattern m_wireDateline;  // its one group: the date
};

} // namespace dateline
