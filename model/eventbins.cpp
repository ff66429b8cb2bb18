#include "eventbins.h"

#include "corpus.h"
#include "eventfilter.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace dateline {

namespace {

int monthNumber(int year, int month) { return year * 12 + month - 1; }

bool hasMonth(const DateValue &date) { return date.precision() >= Precision::Month; }

// The months from the first to the last month-or-day dated event, with no counts yet.
MonthlySeries emptyMonths(const Corpus &corpus, const QList<int> &events, qsizetype seriesCount)
{
    MonthlySeries result;
    int first = std::numeric_limits<int>::max();
    int last = std::numeric_limits<int>::min();
    for (const int index : events) {
        const DateValue &date = corpus.events.at(index).date;
        if (!date.isValid())
            ++result.undated;
        else if (!hasMonth(date))
            ++result.yearOnly;
        else {
            first = std::min(first, monthNumber(date.year(), date.month()));
            last = std::max(last, monthNumber(date.year(), date.month()));
        }
    }
    for (int month = first; month <= last; ++month)
        result.months.append(QDate(month / 12, month % 12 + 1, 1));
    result.counts.fill(QList<int>(result.months.size(), 0), seriesCount);
    return result;
}

qsizetype monthIndex(const MonthlySeries &series, const DateValue &date)
{
    return monthNumber(date.year(), date.month()) - monthNumber(series.months.first().year(), series.months.first().month());
}

// Names by descending count, ties in alphabetical order.
QStringList mostFrequent(const QHash<QString, int> &counts, int limit)
{
    QStringList names = counts.keys();
    std::sort(names.begin(), names.end(), [&counts](const QString &a, const QString &b) {
        const int ca = counts.value(a);
        const int cb = counts.value(b);
        return ca != cb ? ca > cb : a < b;
    });
    if (names.size() > limit)
        names.resize(std::max(0, limit));
    return names;
}

} // namespace

int MonthlySeries::total() const
{
    int sum = 0;
    for (qsizetype s = 0; s < counts.size(); ++s)
        sum += seriesTotal(s);
    return sum;
}

int MonthlySeries::seriesTotal(qsizetype series) const
{
    const QList<int> &row = counts.at(series);
    return std::accumulate(row.cbegin(), row.cend(), 0);
}

int MonthlySeries::monthTotal(qsizetype month) const
{
    int sum = 0;
    for (const QList<int> &row : counts)
        sum += row.at(month);
    return sum;
}

QList<int> acceptedEvents(const Corpus &corpus, const EventFilter &filter)
{
    QList<int> events;
    for (qsizetype i = 0; i < corpus.events.size(); ++i) {
        const Event &event = corpus.events.at(i);
        if (filter.accepts(event, corpus.articles.at(event.article)))
            events.append(int(i));
    }
    return events;
}

QStringList topActors(const Corpus &corpus, const QList<int> &events, int limit)
{
    QHash<QString, int> counts;
    for (const int index : events)
        for (const QString &actor : corpus.events.at(index).actors)
            ++counts[actor];
    return mostFrequent(counts, limit);
}

MonthlySeries eventsPerMonth(const Corpus &corpus, const QList<int> &events, int topActors)
{
    QHash<QString, int> firstActors;
    for (const int index : events)
        if (const Event &event = corpus.events.at(index); hasMonth(event.date) && !event.actors.isEmpty())
            ++firstActors[event.actors.first()];
    const QStringList top = mostFrequent(firstActors, topActors);

    bool others = false;
    for (const int index : events)
        if (const Event &event = corpus.events.at(index); hasMonth(event.date))
            others = others || event.actors.isEmpty() || !top.contains(event.actors.first());

    MonthlySeries result = emptyMonths(corpus, events, top.size() + (others ? 1 : 0));
    result.series = top;
    result.hasOthers = others;
    for (const int index : events) {
        const Event &event = corpus.events.at(index);
        if (!hasMonth(event.date))
            continue;
        qsizetype series = event.actors.isEmpty() ? -1 : top.indexOf(event.actors.first());
        if (series < 0)
            series = top.size();
        ++result.counts[series][monthIndex(result, event.date)];
    }
    return result;
}

MonthlySeries actorActivity(const Corpus &corpus, const QList<int> &events, const QStringList &actors)
{
    MonthlySeries result = emptyMonths(corpus, events, actors.size());
    result.series = actors;
    for (const int index : events) {
        const Event &event = corpus.events.at(index);
        if (!hasMonth(event.date))
            continue;
        for (qsizetype series = 0; series < actors.size(); ++series)
            if (event.actors.contains(actors.at(series)))
                ++result.counts[series][monthIndex(result, event.date)];
    }
    return result;
}

std::array<int, kEventTypeCount> eventsPerType(const Corpus &corpus, const QList<int> &events)
{
    std::array<int, kEventTypeCount> counts{};
    for (const int index : events)
        ++counts.at(std::size_t(corpus.events.at(index).type));
    return counts;
}

QList<ActorPairCount> topActorPairs(const Corpus &corpus, const QList<int> &events, int limit)
{
    QHash<std::pair<QString, QString>, int> counts;
    for (const int index : events) {
        QStringList actors = corpus.events.at(index).actors;
        actors.removeDuplicates();
        actors.sort();
        for (qsizetype i = 0; i < actors.size(); ++i)
            for (qsizetype j = i + 1; j < actors.size(); ++j)
                ++counts[std::pair(actors.at(i), actors.at(j))];
    }
    QList<ActorPairCount> pairs;
    pairs.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        pairs.append({it.key().first, it.key().second, it.value()});
    std::sort(pairs.begin(), pairs.end(), [](const ActorPairCount &a, const ActorPairCount &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    if (pairs.size() > limit)
        pairs.resize(std::max(0, limit));
    return pairs;
}

EventSummary summarizeEvents(const Corpus &corpus, const QList<int> &events)
{
    EventSummary summary;
    summary.events = int(events.size());
    QSet<int> articles;
    for (const int index : events) {
        const Event &event = corpus.events.at(index);
        articles.insert(event.article);
        if (!event.date.isValid()) {
            ++summary.undated;
            continue;
        }
        if (!hasMonth(event.date))
            ++summary.yearOnly;
        const QDate first = event.date.firstQDate();
        const QDate last = event.date.lastQDate();
        if (!summary.first.isValid() || first < summary.first)
            summary.first = first;
        if (!summary.last.isValid() || last > summary.last)
            summary.last = last;
    }
    summary.articles = int(articles.size());
    return summary;
}

} // namespace dateline
