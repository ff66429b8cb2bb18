#include "eventchart.h"

#include "eventindex.h"
#include "eventtypecolor.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

constexpr std::array kChartKindNames{"monthly"_L1, "actors"_L1, "types"_L1, "pairs"_L1};
static_assert(kChartKindNames.size() == std::size_t(kChartKindCount));

// Months between labelled ticks: each divides a year or is a whole number of years, so that
// ticks fall on quarter, half-year and year boundaries.
constexpr std::array kMonthSteps{1, 3, 6, 12, 24, 60, 120, 240, 600};

// Distinct, saturated enough to tell apart on white and in print; the theme's palette has near-white tints.
const std::array kSeriesColors{QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                               QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0xbc, 0xbd, 0x22)};
static_assert(kSeriesColors.size() >= std::size_t(EventChart::kTopActors));

int monthNumber(QDate date) { return date.year() * 12 + date.month() - 1; }

// Months, or quarters or years when there would be more than kMaxBins months: a bar or point
// a few pixels wide at most can still be seen and clicked.
constexpr qsizetype kMaxBins = 120;
MonthlySeries readableBins(const MonthlySeries &monthly)
{
    for (const int monthsPerBin : {1, 3})
        if (monthly.months.size() <= kMaxBins * monthsPerBin)
            return inBinsOf(monthly, monthsPerBin);
    return inBinsOf(monthly, 12);
}

// A step that is a round number at most a fifth of `maximum`, so that the count axis has integer ticks.
int countStep(int maximum)
{
    const double raw = std::max(1.0, maximum / 5.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0})
        if (factor * magnitude >= raw)
            return std::max(1, int(factor * magnitude));
    return std::max(1, int(10 * magnitude));
}

} // namespace

QString chartKindName(ChartKind kind) { return kChartKindNames.at(std::size_t(kind)); }

std::optional<ChartKind> chartKindFromName(QStringView name)
{
    for (std::size_t i = 0; i < kChartKindNames.size(); ++i)
        if (name == kChartKindNames.at(i))
            return ChartKind(i);
    return std::nullopt;
}

EventChart::EventChart(ChartKind kind, QGraphicsItem *parent) : QChart(parent), m_kind(kind)
{
    legend()->setShowToolTips(true);
    m_wideFont = legend()->font();
    fitLabelsToWidth();
    setAnimationOptions(QChart::NoAnimation);
    // Counts on axes and bars grouped as the filter dock's are ("12,345"), in the chart's locale.
    setLocalizeNumbers(true);
    connect(this, &QChart::plotAreaChanged, this, &EventChart::relabelMonthAxis);
}

EventChart::~EventChart() = default;

void EventChart::clear()
{
    removeAllSeries();
    const QList<QAbstractAxis *> oldAxes = axes();
    for (QAbstractAxis *axis : oldAxes) {
        removeAxis(axis);
        delete axis;
    }
    m_monthAxis = nullptr;
    m_monthStep = 0;
    m_monthly = {};
    m_types = {};
    m_pairs.clear();
    m_note.clear();
}

void EventChart::setEvents(const EventIndex &index, const QList<int> &events, const EventFilter &filter)
{
    clear();
    m_filter = filter;
    QString heading;
    switch (m_kind) {
    case ChartKind::Monthly:
        m_monthly = readableBins(eventsPerMonth(index, events, kTopActors));
        heading = m_monthly.monthsPerBin == 12 ? tr("Events per year")
                  : m_monthly.monthsPerBin == 3 ? tr("Events per quarter") : tr("Events per month");
        buildMonthly();
        break;
    case ChartKind::Actors: {
        QStringList actors(filter.actors.cbegin(), filter.actors.cend());
        actors.sort();
        if (actors.isEmpty() || actors.size() > kTopActors)
            actors = topActors(index, events, kTopActors);
        m_monthly = readableBins(actorActivity(index, events, actors));
        heading = m_monthly.monthsPerBin == 12 ? tr("Activity of actors per year")
                  : m_monthly.monthsPerBin == 3 ? tr("Activity of actors per quarter") : tr("Activity of actors per month");
        buildActors();
        break;
    }
    case ChartKind::Types:
        heading = tr("Events by type");
        m_types = eventsPerType(index, events);
        buildTypes();
        break;
    case ChartKind::Pairs:
        heading = tr("Actors appearing together most");
        m_pairs = topActorPairs(index, events, kTopPairs);
        buildPairs();
        m_note = tr("An event naming several actors counts once for each pair of them.");
        break;
    }
    if (m_kind == ChartKind::Monthly || m_kind == ChartKind::Actors) {
        QStringList apart;
        if (m_monthly.yearOnly > 0)
            apart.append(tr("%Ln known only to the year", nullptr, m_monthly.yearOnly));
        if (m_monthly.undated > 0)
            apart.append(tr("%Ln undated", nullptr, m_monthly.undated));
        if (!apart.isEmpty())
            m_note = tr("Not in any month: %1.").arg(apart.join(tr(", ")));
        if (m_kind == ChartKind::Actors)
            m_note = (m_note.isEmpty() ? QString() : m_note + u' ') + tr("An event naming several of these actors is on each of their lines.");
    }
    setTitle(tr("%1 — %2 (%Ln events)", nullptr, int(events.size())).arg(heading, filter.description()));
    fitLabelsToWidth();
}

void EventChart::resizeEvent(QGraphicsSceneResizeEvent *event)
{
    QChart::resizeEvent(event);
    fitLabelsToWidth();
}

void EventChart::fitLabelsToWidth()
{
    const bool narrow = size().width() < kNarrowWidth;
    QFont font = m_wideFont;
    if (narrow)
        font.setPixelSize(10);
    const Qt::Alignment alignment = narrow ? Qt::AlignRight : Qt::AlignBottom;
    // Set only when they change: each change lays the chart out again.
    if (legend()->alignment() != alignment)
        legend()->setAlignment(alignment);
    if (legend()->font() != font)
        legend()->setFont(font);
    for (QAbstractAxis *axis : axes())
        if (axis->labelsFont() != font)
            axis->setLabelsFont(font);
}

void EventChart::buildMonthly()
{
    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.85);
    for (qsizetype s = 0; s < m_monthly.counts.size(); ++s) {
        const bool others = m_monthly.hasOthers && s == m_monthly.series.size();
        auto *set = new QBarSet(others ? tr("others") : m_monthly.series.at(s));
        QList<qreal> values;
        values.reserve(m_monthly.months.size());
        for (const int count : m_monthly.counts.at(s))
            values.append(count);
        set->append(values);
        set->setColor(others ? QColor(0x9e, 0x9e, 0x9e) : kSeriesColors.at(std::size_t(s)));
        set->setBorderColor(Qt::white);
        series->append(set);
    }
    connect(series, &QStackedBarSeries::clicked, this, [this](int index, QBarSet *) { activate(index); });
    addSeries(series);
    addMonthAxis();
    int maximum = 0;
    for (qsizetype month = 0; month < m_monthly.months.size(); ++month)
        maximum = std::max(maximum, m_monthly.monthTotal(month));
    addCountAxis(Qt::Vertical, maximum);
}

void EventChart::buildActors()
{
    int maximum = 0;
    for (qsizetype s = 0; s < m_monthly.series.size(); ++s) {
        auto *series = new QLineSeries;
        series->setName(m_monthly.series.at(s));
        series->setPointsVisible(true);
        series->setPen(QPen(kSeriesColors.at(std::size_t(s) % kSeriesColors.size()), 2));
        QList<QPointF> points;
        points.reserve(m_monthly.months.size());
        const QList<int> &counts = m_monthly.counts.at(s);
        for (qsizetype month = 0; month < counts.size(); ++month) {
            points.append(QPointF(qreal(month), counts.at(month)));
            maximum = std::max(maximum, counts.at(month));
        }
        series->replace(points);
        connect(series, &QLineSeries::clicked, this, [this, s](const QPointF &point) { activate(int(std::lround(point.x())), int(s)); });
        addSeries(series);
    }
    addMonthAxis();
    addCountAxis(Qt::Vertical, maximum);
}

void EventChart::buildTypes()
{
    // Horizontal bars, so that each type name has a line of its own rather than a narrow column under
    // its bar.
    QList<qreal> values;
    QStringList categories;
    for (int type = 0; type < kEventTypeCount; ++type) {
        values.append(m_types.at(std::size_t(type)));
        categories.append(eventTypeName(EventType(type)));
    }
    QList<QColor> colors;
    for (int type = 0; type < kEventTypeCount; ++type)
        colors.append(eventTypeColor(EventType(type)));
    addHorizontalBars(tr("Events"), values, categories, colors);
}

void EventChart::buildPairs()
{
    QList<qreal> values;
    QStringList categories;
    for (const auto &pair : m_pairs) {
        values.append(pair.count);
        categories.append(pair.first + u" – " + pair.second);
    }
    addHorizontalBars(tr("Events together"), values, categories, {QColor(0x5b, 0x8c, 0x5a)});
}

void EventChart::addHorizontalBars(const QString &name, const QList<qreal> &values, const QStringList &categories,
                                   const QList<QColor> &colors)
{
    Q_ASSERT(colors.size() == 1 || colors.size() == values.size());
    // Horizontal bars are drawn from the bottom up: the first value goes last, on top.
    const int count = int(values.size());
    QAbstractBarSeries *series = nullptr;
    if (colors.size() == 1) {
        series = new QHorizontalBarSeries;
        auto *set = new QBarSet(name);
        set->append(QList<qreal>(values.crbegin(), values.crend()));
        set->setColor(colors.first());
        series->append(set);
    } else {
        // A bar set has one colour: a bar of its own colour is a set of its own, zero on the
        // other lines, and the sets are stacked so that it keeps its line's whole height.
        series = new QHorizontalStackedBarSeries;
        for (int i = 0; i < count; ++i) {
            auto *set = new QBarSet(categories.at(i));
            QList<qreal> onItsLine(count, 0);
            onItsLine[count - 1 - i] = values.at(i);
            set->append(onItsLine);
            set->setColor(colors.at(i));
            series->append(set);
        }
    }
    for (QBarSet *set : series->barSets())
        set->setLabelColor(Qt::black);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsVisible(true);
    connect(series, &QAbstractBarSeries::clicked, this, [this, count](int index, QBarSet *) { activate(count - 1 - index); });
    addSeries(series);
    auto *axis = new QBarCategoryAxis;
    axis->append(QStringList(categories.crbegin(), categories.crend()));
    addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    legend()->hide();
    const qreal maximum = values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
    addCountAxis(Qt::Horizontal, int(maximum));
}

void EventChart::addCountAxis(Qt::Orientation orientation, int maximum)
{
    auto *axis = new QValueAxis;
    const int step = countStep(maximum);
    // Room above the highest bar for its label.
    const int top = std::max(step, int(std::ceil((maximum + 0.5) / step)) * step);
    axis->setRange(0, top);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(u"%.0d"_s);  // with localized numbers, Qt Charts reads only "%.<precision><type>"
    axis->setTitleText(tr("Events"));
    addAxis(axis, orientation == Qt::Vertical ? Qt::AlignLeft : Qt::AlignBottom);
    const QList<QAbstractSeries *> all = series();
    for (QAbstractSeries *s : all)
        s->attachAxis(axis);
}

void EventChart::addMonthAxis()
{
    m_monthAxis = new QCategoryAxis;
    m_monthAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    addAxis(m_monthAxis, Qt::AlignBottom);
    const QList<QAbstractSeries *> all = series();
    for (QAbstractSeries *s : all)
        s->attachAxis(m_monthAxis);
    // Month i is centred on i: its first day is at i - 0.5.
    m_monthAxis->setRange(-0.5, std::max<qsizetype>(1, m_monthly.months.size()) - 0.5);
    m_monthAxis->setStartValue(-0.5);
    relabelMonthAxis();
}

void EventChart::relabelMonthAxis()
{
    if (!m_monthAxis || m_monthly.months.isEmpty())
        return;
    const int perBin = m_monthly.monthsPerBin;
    const qsizetype bins = m_monthly.months.size();
    const QFontMetricsF metrics(m_monthAxis->labelsFont());
    const QLocale locale;
    const double monthLabel = metrics.horizontalAdvance(locale.toString(QDate(2000, 9, 1), u"MMM yyyy"_s)) + metrics.averageCharWidth() * 2;
    const double yearLabel = metrics.horizontalAdvance(u"0000"_s) + metrics.averageCharWidth() * 2;
    const double width = plotArea().width() > 0 ? plotArea().width() : 600.0;
    const double perMonth = width / double(bins * perBin);
    int step = kMonthSteps.back();
    for (const int candidate : kMonthSteps) {
        if (candidate % perBin == 0 && candidate * perMonth >= (candidate < 12 ? monthLabel : yearLabel)) {
            step = candidate;
            break;
        }
    }
    if (step == m_monthStep)
        return;
    m_monthStep = step;

    const QStringList old = m_monthAxis->categoriesLabels();
    for (const QString &label : old)
        m_monthAxis->remove(label);
    const int first = monthNumber(m_monthly.months.first());
    bool labelled = false;
    // QCategoryAxis refuses a label it already has: a second "Jul" gets invisible zero-width
    // spaces, as many as there were "Jul" before it.
    QHash<QString, int> seen;
    // Boundaries from the first bin's start to the last bin's end, labelled where aligned to the step.
    for (qsizetype i = 0; i <= bins; ++i) {
        const int number = first + int(i) * perBin;
        if (number % step != 0)
            continue;
        const QDate date(number / 12, number % 12 + 1, 1);
        QString label;
        if (step >= 12)
            label = QString::number(date.year());
        else if (date.month() == 1 || !labelled)
            label = locale.toString(date, u"MMM yyyy"_s);
        else
            label = locale.toString(date, u"MMM"_s);
        labelled = true;
        m_monthAxis->append(label + QString(seen[label]++, QChar(0x200B)), double(i) - 0.5);
    }
}

std::optional<EventFilter> EventChart::narrowedFilter(int index, int series) const
{
    EventFilter narrowed = m_filter;
    const auto narrowToMonth = [&narrowed, this](int month) {
        if (month < 0 || month >= m_monthly.months.size())
            return false;
        const QDate date = m_monthly.months.at(month);
        // Day precision, as the filter dock's date range reads it.
        narrowed.from = DateValue::fromQDate(date, Precision::Day);
        narrowed.to = DateValue::fromQDate(date.addMonths(m_monthly.monthsPerBin).addDays(-1), Precision::Day);
        return true;
    };
    switch (m_kind) {
    case ChartKind::Monthly:
        if (!narrowToMonth(index))
            return std::nullopt;
        return narrowed;
    case ChartKind::Actors:
        if (series < 0 || series >= m_monthly.series.size())
            return std::nullopt;
        narrowed.actors = {m_monthly.series.at(series)};
        narrowed.noActors = false;
        narrowToMonth(index);
        return narrowed;
    case ChartKind::Types:
        if (index < 0 || index >= kEventTypeCount)
            return std::nullopt;
        narrowed.types = {EventType(index)};
        narrowed.noTypes = false;
        return narrowed;
    case ChartKind::Pairs:
        if (index < 0 || index >= m_pairs.size())
            return std::nullopt;
        // The pair's events are those naming both of them, not either.
        narrowed.actors = {m_pairs.at(index).first, m_pairs.at(index).second};
        narrowed.noActors = false;
        narrowed.allActors = true;
        return narrowed;
    }
    return std::nullopt;
}

void EventChart::activate(int index, int series)
{
    if (const auto narrowed = narrowedFilter(index, series))
        emit narrowRequested(*narrowed);
}

} // namespace dateline
