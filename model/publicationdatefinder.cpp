#include "publicationdatefinder.h"

#include "frenchdatetagger.h"
#include "resourcefiles.h"
#include "textfolding.h"

#include <QDate>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

constexpr int kDatelineSearchLines = 6;
constexpr qsizetype kMaxDatelineResidue = 14;  // " à 08h12", " - 10:45 CET"
// Years a news article can be published in; anything else in a URL is an identifier.
constexpr int kFirstPublicationYear = 1990;

bool plausiblePublicationYear(int year)
{
    return year >= kFirstPublicationYear && year <= localToday().year() + 1;
}

// Whether `line` may open like a dateline: "Publié", "Mis à jour", "Actualisé", "Le". An ASCII
// first letter other than theirs rules it out; anything else is left to the pattern.
bool mayOpenDateline(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && isAsciiOf(line[i].unicode(), AsciiBlank))
        ++i;
    if (i == line.size() || line[i].unicode() >= 0x80)
        return true;
    switch (line[i].unicode()) {
    case u'p': case u'P': case u'm': case u'M': case u'a': case u'A': case u'l': case u'L': return true;
    default: return false;
    }
}

} // namespace

PublicationDateFinder::PublicationDateFinder(const FrenchDateTagger &tagger) : m_tagger(tagger)
{
    QStringList agencies;
    for (const QJsonValue &agency : loadResource(QStringLiteral("reading-fr.json")).value(u"news_agencies").toArray())
        agencies.append(QRegularExpression::escape(agency.toString()));
    // An upper-case place, maybe a second place in brackets, the date, the agency in brackets, a dash.
    m_wireDateline = Pattern(
        u"^\\s*\\p{Lu}[\\p{L}'’ ./-]{1,40}(?:\\s*\\([^)]{1,30}\\))?\\s*,\\s*(.{4,40}?)\\s*\\((?:"_s + agencies.join(u'|')
            + u")[^)]{0,20}\\)\\s*[-–—:]"_s,
        Pattern::Case::Sensitive, Pattern::Groups::Captured);

    const QJsonObject resource = loadResource(QStringLiteral("anchors.json"));
    const QJsonObject ordinals = resource.value(u"ordinals").toObject();
    for (auto it = ordinals.begin(); it != ordinals.end(); ++it)
        m_ordinals.insert(foldForMatching(it.key()), it.value().toInt());

    for (const QJsonValue &value : resource.value(u"anchors").toArray()) {
        const QJsonObject object = value.toObject();
        QStringList patterns;
        for (const QJsonValue &pattern : object.value(u"patterns").toArray())
            patterns.append(u"(?:" + foldPattern(pattern.toString()) + u')');
        Anchor anchor;
        anchor.name = object.value(u"name").toString();
        anchor.date = DateValue::fromIso(object.value(u"date").toString());
        anchor.precision = precisionFromName(object.value(u"anniversary_precision").toString());
        anchor.pattern = QRegularExpression(u"^(?:de\\s+|d')?(?:" + patterns.join(u'|') + u")\\b",
                                            QRegularExpression::UseUnicodePropertiesOption);
        for (const QJsonValue &group : object.value(u"context").toArray()) {
            QStringList words;
            for (const QJsonValue &word : group.toArray())
                words.append(foldForMatching(word.toString()));
            anchor.context.append(words);
        }
        if (anchor.date.isValid() && anchor.precision != Precision::None && anchor.pattern.isValid() && !patterns.isEmpty())
            m_anchors.append(anchor);
    }
}

void PublicationDateFinder::date(Article &article, std::optional<QList<TimeExpression>> *undatedTags) const
{
    article.published = {};
    article.publishedAfter = {};
    article.publishedSource = PublicationSource::None;

    // The most trusted source dates the article; a less trusted one may only make it more
    // precise ("2018-09" from the header, the 11th from the URL), never contradict it.
    const auto consider = [&article](const DateValue &date, PublicationSource source, const QString &evidence) {
        if (!date.isValid())
            return;
        const bool refines = article.published.isValid() && date.precision() > article.published.precision()
                             && article.published.firstDay() <= date.firstDay() && date.lastDay() <= article.published.lastDay();
        if (!article.published.isValid() || refines) {
            article.published = date;
            article.publishedSource = source;
            article.publishedEvidence = evidence;
        }
    };
    if (!article.headerDate.isEmpty()) {
        const DateValue header = DateValue::fromIso(article.headerDate);
        if (!header.isValid())
            article.problems.append(u"the header date \"" + article.headerDate + u"\" is not a valid date");
        else if (!plausiblePublicationYear(header.year()))
            article.problems.append(QStringLiteral("the header date \"%1\" is not a plausible publication date (from %2 to next year)")
                                        .arg(article.headerDate).arg(kFirstPublicationYear));
        else
            consider(header, PublicationSource::Header, u"date " + article.headerDate);
    }
    consider(fromUrl(article.url), PublicationSource::Url, article.url);
    QString evidence;
    const DateValue dateline = fromDateline(article, &evidence, article.published);
    consider(dateline, PublicationSource::Dateline, evidence);
    if (article.published.isValid())
        return;

    QString boundEvidence;
    const QString extractable = article.extractableText();
    bool cut = false;
    QList<TimeExpression> dates = m_tagger.tag(extractable, {}, &cut);
    const DateValue bound = latestExplicitDate(dates, &boundEvidence);
    if (undatedTags)
        *undatedTags = std::move(dates);
    const DateValue anniversary = fromAnniversary(article, extractable, &evidence);
    // An anniversary that the text itself contradicts (a later explicit date) is not trusted.
    if (anniversary.isValid() && (!bound.isValid() || bound.firstDay() <= anniversary.lastDay())) {
        article.published = anniversary;
        article.publishedSource = PublicationSource::Content;
        article.publishedEvidence = evidence;
        return;
    }
    article.publishedAfter = bound;
    article.publishedEvidence = boundEvidence;
    // Said only of an article left undated: one dated here is tagged again, against its date.
    if (cut)
        article.problems.append(FrenchDateTagger::cutProblem());
}

DateValue PublicationDateFinder::fromUrl(const QString &url) const
{
    if (url.isEmpty())
        return {};
    static const QRegularExpression slashed(QStringLiteral("/((?:19|20)\\d\\d)/(\\d{1,2})(?:/(\\d{1,2}))?(?=/|$)"));
    static const QRegularExpression compact(QStringLiteral("(?<=[/_-])((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)(?=[/_.-]|$)"));
    static const QRegularExpression isoDashed(QStringLiteral("(?<![0-9])((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?![0-9])"));
    static const QRegularExpression dayFirst(QStringLiteral("(?<![0-9])(\\d\\d)-(\\d\\d)-((?:19|20)\\d\\d)(?![0-9])"));

    if (const auto match = slashed.match(url); match.hasMatch()) {
        const int year = match.captured(1).toInt();
        const int month = match.captured(2).toInt();
        const DateValue date = match.hasCaptured(3) ? DateValue::ofDay(year, month, match.captured(3).toInt())
                                                    : DateValue::ofMonth(year, month);
        if (date.isValid() && plausiblePublicationYear(year))
            return date;
    }
    if (const auto match = compact.match(url); match.hasMatch()) {
        const DateValue date = DateValue::ofDay(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
        if (date.isValid() && plausiblePublicationYear(date.year()))
            return date;
    }
    for (const auto &[pattern, yearGroup, dayGroup] : {std::tuple{&isoDashed, 1, 3}, std::tuple{&dayFirst, 3, 1}}) {
        if (const auto match = pattern->match(url); match.hasMatch()) {
            const DateValue date = DateValue::ofDay(match.captured(yearGroup).toInt(), match.captured(2).toInt(),
                                                    match.captured(dayGroup).toInt());
            if (date.isValid() && plausiblePublicationYear(date.year()))
                return date;
        }
    }
    // A slug such as "-mercredi-5-juin-2019-": read the words as a French date.
    QString words = url;
    for (QChar &c : words) {
        if (c == u'-' || c == u'_' || c == u'/' || c == u'.' || c == u'+')
            c = u' ';
    }
    for (const TimeExpression &expression : m_tagger.tag(words, {})) {
        if (expression.explicitYear && expression.date.precision() == Precision::Day
            && plausiblePublicationYear(expression.date.year()))
            return expression.date;
    }
    return {};
}

DateValue PublicationDateFinder::fromDateline(const Article &article, QString *evidence, const DateValue &known) const
{
    // Only lines that start like a dateline: a photo caption mentioning a date does not.
    static const Pattern dateline(
        u"^\\s*(?:publi[ée](?:\\s+le)?|mis(?:e)?\\s+[àa]\\s+jour(?:\\s+le)?|actualis[ée](?:\\s+le)?|le)\\s+(.{6,80})$"_s,
        Pattern::Case::Insensitive, Pattern::Groups::Captured);

    DateValue updatedDate;
    QString updatedEvidence;
    // A dateline names its year, unless a more trusted source already gave it: "23 juillet (Reuters)"
    // in an article whose header says 2019-07 is the 23rd of that month.
    const auto wellDated = [&known](const TimeExpression &expression) {
        if (expression.explicitYear)
            return expression.date.precision() >= Precision::Month && plausiblePublicationYear(expression.date.year());
        return known.isValid() && expression.date.precision() > known.precision()
               && known.firstDay() <= expression.date.firstDay() && expression.date.lastDay() <= known.lastDay();
    };
    int lines = 0;
    qsizetype start = 0;
    while (start < article.text.size() && lines < kDatelineSearchLines) {
        qsizetype end = article.text.indexOf(u'\n', start);
        if (end < 0)
            end = article.text.size();
        const QStringView line = QStringView(article.text).sliced(start, end - start);
        start = end + 1;
        if (line.trimmed().isEmpty())
            continue;
        ++lines;
        // "PÉKIN, 5 juin 2019 (AFP) - ...": the wire's dateline opens the lead itself.
        // The agency stands in brackets: a line without one is spared the pattern.
        std::array<Pattern::Match, 1> date;
        if (const auto wire = line.contains(u'(') ? m_wireDateline.match(line, 0, date) : Pattern::Match(); wire) {
            for (const TimeExpression &expression : m_tagger.tag(date[0].in(line), known)) {
                if (wellDated(expression)) {
                    *evidence = wire.in(line).trimmed().toString();
                    return expression.date;
                }
            }
        }
        if (!mayOpenDateline(line) || !dateline.match(line, 0, date))
            continue;
        const QStringView rest = date[0].in(line);
        const QStringView opening = line.first(date[0].start).trimmed();  // "Publié le", "Mis à jour", "Le"...
        const bool bareLe = opening.compare(u"le", Qt::CaseInsensitive) == 0;
        const bool updated = opening.startsWith(u"mis", Qt::CaseInsensitive) || opening.startsWith(u"actualis", Qt::CaseInsensitive);
        for (const TimeExpression &expression : m_tagger.tag(rest, known)) {
            if (!wellDated(expression))
                continue;
            // A line opening with "Le 24 février 2022, la Russie..." is a sentence, not a dateline:
            // without "Publié" the date (and perhaps a time) must be all the line holds.
            if (bareLe && rest.size() - expression.text.size() > kMaxDatelineResidue)
                break;
            if (!updated) {
                *evidence = line.trimmed().toString();
                return expression.date;  // "Publié le" is the publication itself
            }
            if (!updatedDate.isValid()) {
                updatedDate = expression.date;
                updatedEvidence = line.trimmed().toString();
            }
            break;
        }
    }
    *evidence = updatedEvidence;
    return updatedDate;
}

DateValue PublicationDateFinder::fromAnniversary(const Article &article, QString *evidence) const
{
    return fromAnniversary(article, article.extractableText(), evidence);
}

DateValue PublicationDateFinder::fromAnniversary(const Article &article, const QString &extractableText, QString *evidence) const
{
    static const QRegularExpression anniversary(
        QStringLiteral("\\b(?:(\\d{1,3})\\s*(?:e|eme|er|re)|([\\w-]+))\\s+anniversaire\\s+"),
        QRegularExpression::UseUnicodePropertiesOption);

    static constexpr QLatin1StringView kAnniversary("anniversaire");
    const QString folded = foldForMatching(extractableText);
    // Most articles name no anniversary: the literal word is cheaper to look for than the pattern.
    if (!folded.contains(kAnniversary))
        return {};
    QList<const Anchor *> applicable;
    for (const Anchor &anchor : m_anchors) {
        const bool inContext = std::all_of(anchor.context.cbegin(), anchor.context.cend(), [&](const QStringList &group) {
            return std::any_of(group.cbegin(), group.cend(), [&](const QString &word) { return containsWord(folded, word); });
        });
        if (inContext)
            applicable.append(&anchor);
    }

    // Matches as globalMatch() would list them, each looked for only around the literal: the pattern
    // run over the whole text tries every word of it. A match is a word (or a number, blanks and a
    // suffix), blanks, the literal and blanks: it starts no earlier than two runs of non-blanks
    // before the literal, and ends where the blanks after it end. Blanks hold every \s, whatever
    // PCRE's Unicode tables say of U+180E.
    const auto blankAt = [&](qsizetype at) { return folded[at].isSpace() || folded[at] == u'\u180E'; };
    const auto runStartBefore = [&](qsizetype at) {
        while (at > 0 && blankAt(at - 1))
            --at;
        while (at > 0 && !blankAt(at - 1))
            --at;
        return at;
    };
    qsizetype from = 0;
    for (qsizetype at = folded.indexOf(kAnniversary); at >= 0; at = folded.indexOf(kAnniversary, std::max(from, at + 1))) {
        qsizetype end = at + kAnniversary.size();
        // Without a blank on either side it cannot be part of a match, nor cost a walk back.
        if (at == 0 || !blankAt(at - 1) || end == folded.size() || !blankAt(end))
            continue;
        while (end < folded.size() && blankAt(end))
            ++end;
        const auto match = anniversary.match(QStringView(folded).first(end), std::max(from, runStartBefore(runStartBefore(at))));
        if (!match.hasMatch())
            continue;
        from = match.capturedEnd(0);
        const int years = match.hasCaptured(1) ? match.captured(1).toInt() : m_ordinals.value(match.captured(2), 0);
        if (years <= 0)
            continue;
        const QString rest = folded.mid(match.capturedEnd(0), 160);
        for (const Anchor *anchor : std::as_const(applicable)) {
            const auto anchored = anchor->pattern.match(rest);
            if (!anchored.hasMatch())
                continue;
            // The anniversary falls on the anchor's month and day; precision says how much of it to trust.
            const DateValue date = DateValue::ofMonth(anchor->date.year() + years, anchor->date.month())
                                       .truncated(anchor->precision);
            if (!date.isValid() || !plausiblePublicationYear(date.year()))
                continue;
            *evidence = article.text.mid(match.capturedStart(0), match.capturedLength(0) + anchored.capturedEnd()).simplified();
            return date;
        }
    }
    return {};
}

DateValue PublicationDateFinder::latestExplicitDate(const Article &article, QString *evidence) const
{
    return latestExplicitDate(m_tagger.tag(article.extractableText(), {}), evidence);
}

DateValue PublicationDateFinder::latestExplicitDate(const QList<TimeExpression> &dates, QString *evidence) const
{
    // Dates after today are plans, not evidence of when the article was written.
    const DateValue today = DateValue::fromQDate(localToday(), Precision::Day);
    DateValue latest;
    for (const TimeExpression &expression : dates) {
        if (!expression.explicitYear || !expression.date.isValid() || today.firstDay() < expression.date.firstDay())
            continue;
        if (!latest.isValid() || latest.lastDay() < expression.date.lastDay()) {
            latest = expression.date;
            *evidence = expression.text;
        }
    }
    return latest;
}

} // namespace dateline
