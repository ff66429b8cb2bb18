#include "filterdock.h"

#include "actorfilterproxymodel.h"
#include "actorlistmodel.h"
#include "eventindex.h"
#include "eventtypecolor.h"
#include "workerpool.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

const auto kActorsKey = "actors"_L1;
const auto kNoActorsKey = "noActors"_L1;
const auto kAllActorsKey = "allActors"_L1;
const auto kTypesKey = "types"_L1;
const auto kNoTypesKey = "noTypes"_L1;
const auto kFromKey = "from"_L1;
const auto kToKey = "to"_L1;
const auto kTextKey = "text"_L1;

// Paints an actor's name on the left and its count right-aligned in a quieter colour, so that
// a column of counts reads at a glance and a long name is elided before its count is.
class ActorDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QWidget *widget = item.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget).adjusted(0, 0, -4, 0);
        // Item views hand their delegates a locale without group separators; the dock's other counts have them.
        QLocale locale = option.locale;
        locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
        const QString count = locale.toString(index.data(ActorListModel::CountRole).toInt());
        const int countWidth = option.fontMetrics.horizontalAdvance(count) + option.fontMetrics.averageCharWidth() * 2;
        item.text = item.fontMetrics.elidedText(index.data(ActorListModel::NameRole).toString(), Qt::ElideRight,
                                                std::max(0, textRect.width() - countWidth));
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

        painter->save();
        painter->setFont(option.font);
        const bool selected = item.state.testFlag(QStyle::State_Selected);
        painter->setPen(item.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, count);
        painter->restore();
    }
};

} // namespace

FilterDock::FilterDock(QWidget *parent) : QWidget(parent)
{
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"textSearch"_s);
    m_text->setPlaceholderText(tr("Search sentences and titles"));
    m_text->setClearButtonEnabled(true);
    m_textDelay.setSingleShot(true);
    m_textDelay.setInterval(150);
    connect(&m_counting, &QFutureWatcher<FilterFacets::Counts>::finished, this, [this] {
        m_countRunning = false;
        // Counts of a filter or a corpus that has changed since are not shown: counted again.
        if (m_countsStarted == m_countsWanted)
            showCounts(m_counting.result());
        else
            startCounting();
    });
    const auto readText = [this] {
        EventFilter next = m_filter;
        next.text = m_text->text().trimmed();
        commit(next);
    };
    connect(&m_textDelay, &QTimer::timeout, this, readText);
    connect(m_text, &QLineEdit::textChanged, this, [this, readText](const QString &text) {
        // Clearing is immediate: it is one click and the full list is what the user expects back.
        if (text.isEmpty()) {
            m_textDelay.stop();
            readText();
        } else {
            m_textDelay.start();
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(createActorBox(), 1);
    layout->addWidget(createTypeBox());
    layout->addWidget(createDateBox());
    showFilter();
}

FilterDock::~FilterDock() = default;

QWidget *FilterDock::createActorBox()
{
    m_actorBox = new QGroupBox(this);
    QGroupBox *box = m_actorBox;

    m_actorSearch = new QLineEdit(box);
    m_actorSearch->setObjectName(u"actorSearch"_s);
    m_actorSearch->setPlaceholderText(tr("Find an actor"));
    m_actorSearch->setClearButtonEnabled(true);

    m_actors = new ActorListModel(this);
    m_actors->setObjectName(u"actorModel"_s);
    m_actorProxy = new ActorFilterProxyModel(this);
    m_actorProxy->setObjectName(u"actorProxy"_s);
    m_actorProxy->setSourceModel(m_actors);

    m_actorView = new QListView(box);
    m_actorView->setObjectName(u"actorList"_s);
    m_actorView->setModel(m_actorProxy);
    m_actorView->setItemDelegate(new ActorDelegate(m_actorView));
    m_actorView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_actorView->setUniformItemSizes(true);
    m_actorView->setToolTip(tr("Double-click an actor to show only that actor. "
                               "The number is how many events it has with the other filters."));

    m_unlistedHint = new QLabel(tr("Italic names are not in the gazetteer"), box);
    m_unlistedHint->setObjectName(u"unlistedHint"_s);
    QFont italic = m_unlistedHint->font();
    italic.setItalic(true);
    m_unlistedHint->setFont(italic);
    m_unlistedHint->setForegroundRole(QPalette::PlaceholderText);
    m_unlistedHint->hide();

    auto *all = new QPushButton(tr("All"), box);
    all->setObjectName(u"allActors"_s);
    all->setToolTip(tr("Check every actor: no actor criterion"));
    auto *none = new QPushButton(tr("None"), box);
    none->setObjectName(u"noActors"_s);
    none->setToolTip(tr("Uncheck every actor: no event shows until you check some"));
    m_onlyActor = new QPushButton(tr("Only This One"), box);
    m_onlyActor->setObjectName(u"onlyActor"_s);
    m_onlyActor->setToolTip(tr("Check the current actor and uncheck the others (or double-click it)"));
    m_onlyActor->setEnabled(false);

    m_allActorsCheck = new QCheckBox(tr("Only events naming all checked actors"), box);
    m_allActorsCheck->setObjectName(u"allActorsCheck"_s);
    m_allActorsCheck->setToolTip(tr("Show an event only if it names every checked actor, not just one of them"));
    connect(m_allActorsCheck, &QCheckBox::toggled, this, [this](bool checked) {
        EventFilter next = m_filter;
        next.allActors = checked;
        commit(next);
    });

    connect(m_actorSearch, &QLineEdit::textChanged, m_actorProxy, &ActorFilterProxyModel::setSearchText);
    connect(m_actors, &ActorListModel::checkStateEdited, this, &FilterDock::readActors);
    connect(all, &QPushButton::clicked, this, [this] {
        m_actors->setAllChecked(true);
        readActors();
    });
    connect(none, &QPushButton::clicked, this, [this] {
        m_actors->setAllChecked(false);
        readActors();
    });
    connect(m_onlyActor, &QPushButton::clicked, this, [this] { checkOnly(m_actorView->currentIndex()); });
    connect(m_actorView, &QListView::doubleClicked, this, &FilterDock::checkOnly);
    connect(m_actorView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_onlyActor->setEnabled(current.isValid()); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addWidget(m_onlyActor);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_actorSearch);
    layout->addWidget(m_actorView, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_allActorsCheck);
    layout->addWidget(m_unlistedHint);
    return box;
}

QWidget *FilterDock::createTypeBox()
{
    auto *box = new QGroupBox(tr("Event types"), this);
    auto *layout = new QGridLayout(box);
    constexpr int kRows = (kEventTypeCount + 1) / 2;
    for (int type = 0; type < kEventTypeCount; ++type) {
        const QString name = eventTypeName(EventType(type));
        auto *check = new QCheckBox(typeLabel(EventType(type)), box);
        check->setIcon(eventTypeIcon(EventType(type)));  // the timeline's colour: the dock is its legend too
        check->setObjectName(u"typeCheck_"_s + name);
        auto *count = new QLabel(box);
        count->setObjectName(u"typeCount_"_s + name);
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setForegroundRole(QPalette::PlaceholderText);
        const int column = type / kRows * 3;
        layout->addWidget(check, type % kRows, column);
        layout->addWidget(count, type % kRows, column + 1);
        m_typeChecks.at(type) = check;
        m_typeCounts.at(type) = count;
        connect(check, &QCheckBox::toggled, this, &FilterDock::readTypes);
    }
    layout->setVerticalSpacing(2);
    layout->setColumnMinimumWidth(2, 12);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(3, 1);
    return box;
}

QWidget *FilterDock::createDateBox()
{
    auto *box = new QGroupBox(tr("Dates"), this);
    const auto makeEdit = [box](const QString &name) {
        auto *edit = new QDateEdit(box);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"d MMM yyyy"_s);
        return edit;
    };
    m_fromCheck = new QCheckBox(tr("From"), box);
    m_fromCheck->setObjectName(u"fromCheck"_s);
    m_fromCheck->setToolTip(tr("Show events that may fall on or after this day"));
    m_fromEdit = makeEdit(u"fromDate"_s);
    m_toCheck = new QCheckBox(tr("To"), box);
    m_toCheck->setObjectName(u"toCheck"_s);
    m_toCheck->setToolTip(tr("Show events that may fall on or before this day"));
    m_toEdit = makeEdit(u"toDate"_s);
    m_wholePeriod = new QPushButton(tr("Whole Period"), box);
    m_wholePeriod->setObjectName(u"wholePeriod"_s);
    m_wholePeriod->setToolTip(tr("No date criterion; undated events show again"));

    connect(m_fromCheck, &QCheckBox::toggled, this, &FilterDock::readDates);
    connect(m_toCheck, &QCheckBox::toggled, this, &FilterDock::readDates);
    // A range never turns inside out: moving one end past the other drags it along.
    connect(m_fromEdit, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_toEdit->date() < date) {
            const QSignalBlocker block(m_toEdit);
            m_toEdit->setDate(date);
        }
        readDates();
    });
    connect(m_toEdit, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (date < m_fromEdit->date()) {
            const QSignalBlocker block(m_fromEdit);
            m_fromEdit->setDate(date);
        }
        readDates();
    });
    connect(m_wholePeriod, &QPushButton::clicked, this, [this] {
        const QSignalBlocker blockFrom(m_fromCheck);
        const QSignalBlocker blockTo(m_toCheck);
        m_fromCheck->setChecked(false);
        m_toCheck->setChecked(false);
        readDates();
    });

    auto *layout = new QGridLayout(box);
    layout->addWidget(m_fromCheck, 0, 0);
    layout->addWidget(m_fromEdit, 0, 1);
    layout->addWidget(m_toCheck, 1, 0);
    layout->addWidget(m_toEdit, 1, 1);
    layout->addWidget(m_wholePeriod, 2, 1, Qt::AlignRight);
    layout->setColumnStretch(1, 1);
    return box;
}

QString FilterDock::typeLabel(EventType type)
{
    switch (type) {
    case EventType::Meeting: return tr("Meeting");
    case EventType::Visit: return tr("Visit");
    case EventType::Statement: return tr("Statement");
    case EventType::Agreement: return tr("Agreement");
    case EventType::Military: return tr("Military");
    case EventType::Economic: return tr("Economic");
    case EventType::Sanction: return tr("Sanction");
    case EventType::Conflict: return tr("Conflict");
    case EventType::Other: return tr("Other");
    }
    return {};
}

void FilterDock::setEvents(std::shared_ptr<const EventIndex> events)
{
    qint32 first = std::numeric_limits<qint32>::max();
    qint32 last = std::numeric_limits<qint32>::min();
    for (qsizetype event = 0; events && event < events->size(); ++event) {
        if (const EventIndex::Facts &facts = events->facts(event); facts.dated()) {
            first = std::min(first, facts.firstDay);
            last = std::max(last, facts.lastDay);
        }
    }
    m_firstDate = first <= last ? QDate::fromJulianDay(first) : QDate();
    m_lastDate = first <= last ? QDate::fromJulianDay(last) : QDate();
    m_facets.setEvents(std::move(events));
    QList<ActorListModel::Actor> actors;
    actors.reserve(m_facets.actors().size());
    for (int actor = 0; actor < m_facets.actors().size(); ++actor)
        actors.append({m_facets.actors().at(actor), m_facets.isUnlisted(actor)});
    m_actors->setActors(actors);
    m_unlistedHint->setVisible(std::any_of(actors.cbegin(), actors.cend(), [](const auto &actor) { return actor.unlisted; }));

    const EventFilter before = m_filter;
    normalize(m_filter);
    showFilter();
    updateCounts();
    if (!(m_filter == before))
        emit filterChanged(m_filter);
}

void FilterDock::setFilter(const EventFilter &filter)
{
    EventFilter next = filter;
    next.text = next.text.trimmed();
    normalize(next);
    const bool changed = !(next == m_filter);
    m_filter = next;
    showFilter();
    if (changed) {
        updateCounts();
        emit filterChanged(m_filter);
    }
}

QVariantMap FilterDock::saveState() const
{
    QStringList actors(m_filter.actors.cbegin(), m_filter.actors.cend());
    actors.sort();
    QStringList types;
    for (int type = 0; type < kEventTypeCount; ++type)
        if (m_filter.types.contains(EventType(type)))
            types.append(eventTypeName(EventType(type)));
    return {
        {kActorsKey, actors},
        {kNoActorsKey, m_filter.noActors},
        {kAllActorsKey, m_filter.allActors},
        {kTypesKey, types},
        {kNoTypesKey, m_filter.noTypes},
        {kFromKey, m_filter.from.toIso()},
        {kToKey, m_filter.to.toIso()},
        {kTextKey, m_filter.text},
    };
}

void FilterDock::restoreState(const QVariantMap &state)
{
    EventFilter filter;
    const QStringList actors = state.value(kActorsKey).toStringList();
    filter.actors = QSet<QString>(actors.cbegin(), actors.cend());
    filter.noActors = state.value(kNoActorsKey).toBool();
    filter.allActors = state.value(kAllActorsKey).toBool();
    for (const QString &name : state.value(kTypesKey).toStringList())
        if (const auto type = eventTypeFromName(name))
            filter.types.insert(*type);
    filter.noTypes = state.value(kNoTypesKey).toBool();
    filter.from = DateValue::fromIso(state.value(kFromKey).toString());
    filter.to = DateValue::fromIso(state.value(kToKey).toString());
    filter.text = state.value(kTextKey).toString();
    setFilter(filter);
}

void FilterDock::focusSearch()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FilterDock::normalize(EventFilter &filter) const
{
    const QStringList &names = m_facets.actors();
    if (filter.noActors) {
        filter.actors.clear();
    } else if (!filter.actors.isEmpty() && !names.isEmpty()) {
        QSet<QString> kept;
        for (const QString &name : names)
            if (filter.actors.contains(name))
                kept.insert(name);
        // Nothing left to select by is another corpus: start again from every actor.
        filter.actors = kept.size() == names.size() ? QSet<QString>() : kept;
    }
    if (filter.noTypes || filter.types.size() == kEventTypeCount)
        filter.types.clear();
}

void FilterDock::showFilter()
{
    if (m_filter.noActors)
        m_actors->setAllChecked(false);
    else if (m_filter.actors.isEmpty())
        m_actors->setAllChecked(true);
    else
        m_actors->setCheckedNames(m_filter.actors);

    updateActorTitle();
    {
        const QSignalBlocker block(m_allActorsCheck);
        m_allActorsCheck->setChecked(m_filter.allActors);
    }

    for (int type = 0; type < kEventTypeCount; ++type) {
        const QSignalBlocker block(m_typeChecks.at(type));
        m_typeChecks.at(type)->setChecked(!m_filter.noTypes && (m_filter.types.isEmpty() || m_filter.types.contains(EventType(type))));
    }

    {
        const QSignalBlocker blockFromCheck(m_fromCheck);
        const QSignalBlocker blockToCheck(m_toCheck);
        const QSignalBlocker blockFrom(m_fromEdit);
        const QSignalBlocker blockTo(m_toEdit);
        m_fromCheck->setChecked(m_filter.from.isValid());
        m_toCheck->setChecked(m_filter.to.isValid());
        // An unchecked end waits at the corpus's first or last day, where enabling it is most useful.
        if (const QDate from = m_filter.from.isValid() ? m_filter.from.firstQDate() : m_firstDate; from.isValid())
            m_fromEdit->setDate(from);
        if (const QDate to = m_filter.to.isValid() ? m_filter.to.lastQDate() : m_lastDate; to.isValid())
            m_toEdit->setDate(to);
        m_fromEdit->setEnabled(m_fromCheck->isChecked());
        m_toEdit->setEnabled(m_toCheck->isChecked());
        m_wholePeriod->setEnabled(m_fromCheck->isChecked() || m_toCheck->isChecked());
    }

    if (m_text->text().trimmed() != m_filter.text) {
        const QSignalBlocker block(m_text);
        m_textDelay.stop();
        m_text->setText(m_filter.text);
    }
}

void FilterDock::commit(const EventFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    updateCounts();
    emit filterChanged(m_filter);
}

void FilterDock::updateCounts()
{
    ++m_countsWanted;
    // Not m_counting.isRunning(): a count may be done while its report still waits in the queue.
    if (!m_countRunning)
        startCounting();  // else once the running count has reported, for the filter as it is then
}

void FilterDock::startCounting()
{
    m_countsStarted = m_countsWanted;
    if (m_facets.eventCount() < m_backgroundThreshold) {
        showCounts(m_facets.count(m_filter));
        return;
    }
    m_countRunning = true;
    m_counting.setFuture(
        QtConcurrent::run(workerPool(), [facets = m_facets, filter = m_filter] { return facets.count(filter); }));
}

void FilterDock::showCounts(const FilterFacets::Counts &counts)
{
    m_countsShown = m_countsStarted;
    m_actors->setCounts(counts.actors);
    for (int type = 0; type < kEventTypeCount; ++type)
        m_typeCounts.at(type)->setText(locale().toString(counts.types.at(type)));
}

void FilterDock::readActors()
{
    EventFilter next = m_filter;
    const int checked = m_actors->checkedCount();
    const int total = m_actors->rowCount();
    next.noActors = total > 0 && checked == 0;
    next.actors = checked == 0 || checked == total ? QSet<QString>() : m_actors->checkedNames();
    updateActorTitle();
    commit(next);
}

void FilterDock::updateActorTitle()
{
    // Says how many are checked, which the list cannot while a search hides some of them.
    const int total = m_actors->rowCount();
    const int checked = m_actors->checkedCount();
    if (total == 0)
        m_actorBox->setTitle(tr("Actors"));
    else if (checked == total)
        m_actorBox->setTitle(tr("Actors: all %1").arg(locale().toString(total)));
    else
        m_actorBox->setTitle(tr("Actors: %1 of %2 checked").arg(locale().toString(checked), locale().toString(total)));
}

void FilterDock::readTypes()
{
    EventFilter next = m_filter;
    next.types.clear();
    for (int type = 0; type < kEventTypeCount; ++type)
        if (m_typeChecks.at(type)->isChecked())
            next.types.insert(EventType(type));
    next.noTypes = next.types.isEmpty();
    if (next.types.size() == kEventTypeCount)
        next.types.clear();
    commit(next);
}

void FilterDock::readDates()
{
    m_fromEdit->setEnabled(m_fromCheck->isChecked());
    m_toEdit->setEnabled(m_toCheck->isChecked());
    m_wholePeriod->setEnabled(m_fromCheck->isChecked() || m_toCheck->isChecked());
    EventFilter next = m_filter;
    next.from = m_fromCheck->isChecked() ? DateValue::fromQDate(m_fromEdit->date(), Precision::Day) : DateValue();
    next.to = m_toCheck->isChecked() ? DateValue::fromQDate(m_toEdit->date(), Precision::Day) : DateValue();
    commit(next);
}

void FilterDock::checkOnly(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    m_actors->setCheckedNames({proxyIndex.data(ActorListModel::NameRole).toString()});
    readActors();
}

} // namespace dateline
