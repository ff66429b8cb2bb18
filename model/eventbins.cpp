#include "eventbins.h"

#include "eventindex.h"


#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace dateline {

namespace {

// The months from the first to the last month-or-day dated event, with no counts yet.
MonthlySeries emptyMonths(const EventIndex &index, const QList<int> &events, qsizetype seriesCount)
{
    MonthlySeries result;
    int first = std::numeric_limits<int>::max();
    int last = std::numeric_limits<int>::min();
    for (const int event : events) {
        const EventIndex::Facts &facts = index.facts(event);
        if (!facts.dated())
            ++result.undated;
        else if (!facts.hasMonth())
            ++result.yearOnly;
        else {
            first = std::min(first, facts.month);
            last = std::max(last, facts.month);
        }
    }
    for (int month = first; month <= last; ++month)
        result.months.append(QDate(month / 12, month % 12 + 1, 1));
    result.counts.fill(QList<int>(result.months.size(), 0), seriesCount);
    result.firstMonth = first;
    return result;
}

// Names by descending count, ties in alphabetical order; actors never counted are left out.
QStringList mostFrequent(const EventIndex &index, const std::vector<int> &counts, int limit)
{
    std::vector<quint32> numbers;
    for (quint32 number = 0; number < counts.size(); ++number)
        if (counts[number] > 0)
            numbers.push_back(number);
    const auto before = [&](quint32 a, quint32 b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : index.actorName(a) < index.actorName(b);
    };
    const size_t kept = std::min(numbers.size(), size_t(std::max(0, limit)));
    std::partial_sort(numbers.begin(), numbers.begin() + qsizetype(kept), numbers.end(), before);
    QStringList names;
    for (size_t i = 0; i < kept; ++i)
        names.append(index.actorName(numbers[i]));
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

QStringList topActors(const EventIndex &index, const QList<int> &events, int limit)
{
    std::vector<int> counts(size_t(index.actorCount()), 0);
    for (const int event : events)
        for (const quint32 actor : index.actorNumbers(event))
            ++counts[actor];
    return mostFrequent(index, counts, limit);
}

MonthlySeries eventsPerMonth(const EventIndex &index, const QList<int> &events, int topActors)
{
    std::vector<int> firstActors(size_t(index.actorCount()), 0);
    for (const int event : events)
        if (const auto actors = index.actorNumbers(event); index.facts(event).hasMonth() && !actors.empty())
            ++firstActors[actors.front()];
    const QStringList top = mostFrequent(index, firstActors, topActors);
    // The series of each actor number: its place among the top ones, or "others" after them.
    std::vector<qsizetype> seriesOf(size_t(index.actorCount()), top.size());
    for (qsizetype series = 0; series < top.size(); ++series)
        seriesOf[size_t(index.actorNumber(top.at(series)))] = series;

    bool others = false;
    for (const int event : events)
        if (const auto actors = index.actorNumbers(event); index.facts(event).hasMonth())
            others = others || actors.empty() || seriesOf[actors.front()] == top.size();

    MonthlySeries result = emptyMonths(index, events, top.size() + (others ? 1 : 0));
    result.series = top;
    result.hasOthers = others;
    for (const int event : events) {
        const EventIndex::Facts &facts = index.facts(event);
        if (!facts.hasMonth())
            continue;
        const auto actors = index.actorNumbers(event);
        ++result.counts[actors.empty() ? top.size() : seriesOf[actors.front()]][facts.month - result.firstMonth];
    }
    return result;
}

MonthlySeries inBinsOf(const MonthlySeries &monthly, int monthsPerBin)
{
    Q_ASSERT(monthly.monthsPerBin == 1 && monthsPerBin >= 1);
    MonthlySeries binned = monthly;
    if (monthsPerBin == 1 || monthly.months.isEmpty())
        return binned;
    const auto binOf = [monthsPerBin](int month) { return month / monthsPerBin; };  // months are >= 0: year >= 1
    const int firstBin = binOf(monthly.firstMonth);
    const qsizetype bins = binOf(monthly.firstMonth + int(monthly.months.size()) - 1) - firstBin + 1;
    binned.monthsPerBin = monthsPerBin;
    binned.firstMonth = firstBin * monthsPerBin;
    binned.months.clear();
    for (qsizetype bin = 0; bin < bins; ++bin) {
        const int month = binned.firstMonth + int(bin) * monthsPerBin;
        binned.months.append(QDate(month / 12, month % 12 + 1, 1));
    }
    for (qsizetype series = 0; series < monthly.counts.size(); ++series) {
        QList<int> row(bins, 0);
        const QList<int> &counts = monthly.counts.at(series);
        for (qsizetype month = 0; month < counts.size(); ++month)
            row[binOf(monthly.firstMonth + int(month)) - firstBin] += counts.at(month);
        binned.counts[series] = std::move(row);
    }
    return binned;
}

MonthlySeries actorActivity(const EventIndex &index, const QList<int> &events, const QStringList &actors)
{
    MonthlySeries result = emptyMonths(index, events, actors.size());
    result.series = actors;
    std::vector<QList<qsizetype>> seriesOf(size_t(index.actorCount()));
    for (qsizetype series = 0; series < actors.size(); ++series)
        if (const qsizetype number = index.actorNumber(actors.at(series)); number >= 0)
            seriesOf[size_t(number)].append(series);
    for (const int event : events) {
        const EventIndex::Facts &facts = index.facts(event);
        if (!facts.hasMonth())
            continue;
        for (const quint32 actor : index.actorNumbers(event))
            for (const qsizetype series : std::as_const(seriesOf[actor]))
                ++result.counts[series][facts.month - result.firstMonth];
    }
    return result;
}

std::array<int, kEventTypeCount> eventsPerType(const EventIndex &index, const QList<int> &events)
{
    std::array<int, kEventTypeCount> counts{};
    for (const int event : events)
        ++counts.at(std::size_t(index.facts(event).type));
    return counts;
}

QList<ActorPairCount> topActorPairs(const EventIndex &index, const QList<int> &events, int limit)
{
    std::unordered_map<quint64, int> counts;  // the two actor numbers, smaller first
    std::vector<quint32> actors;
    for (const int event : events) {
        const auto named = index.actorNumbers(event);
        actors.assign(named.begin(), named.end());
        std::sort(actors.begin(), actors.end());
        actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
        for (size_t i = 0; i < actors.size(); ++i)
            for (size_t j = i + 1; j < actors.size(); ++j)
                ++counts[quint64(actors[i]) << 32 | actors[j]];
    }
    QList<ActorPairCount> pairs;
    pairs.reserve(qsizetype(counts.size()));
    for (const auto &[key, count] : counts) {
        QString first = index.actorName(quint32(key >> 32));
        QString second = index.actorName(quint32(key & 0xffffffffu));
        if (second < first)
            std::swap(first, second);
        pairs.append({first, second, count});
    }
    const auto before = [](const ActorPairCount &a, const ActorPairCount &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    };
    const qsizetype kept = std::clamp<qsizetype>(limit, 0, pairs.size());
    std::partial_sort(pairs.begin(), pairs.begin() + kept, pairs.end(), before);
    pairs.resize(kept);
    return pairs;
}

EventSummary summarizeEvents(const EventIndex &index, const QList<int> &events)
{
    EventSummary summary;
    summary.events = int(events.size());
    std::vector<bool> articles(size_t(index.corpus().articles.size()), false);
    qint32 first = std::numeric_limits<qint32>::max();
    qint32 last = std::numeric_limits<qint32>::min();
    for (const int event : events) {
        const EventIndex::Facts &facts = index.facts(event);
        if (!articles[size_t(facts.article)]) {
            articles[size_t(facts.article)] = true;
            ++summary.articles;
        }
        if (!facts.dated()) {
            ++summary.undated;
            continue;
        }
        if (!facts.hasMonth())
            ++summary.yearOnly;
        first = std::min(first, facts.firstDay);
        last = std::max(last, facts.lastDay);
    }
    if (first <= last) {
        summary.first = QDate::fromJulianDay(first);
        summary.last = QDate::fromJulianDay(last);
    }
    return summary;
}

} // namespace dateline
