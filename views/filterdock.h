#pragma once

#include "eventfilter.h"
#include "filterfacets.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QVariantMap>
#include <QWidget>

#include <array>
#include <memory>

class QCheckBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;

namespace dateline {

class ActorFilterProxyModel;
class ActorListModel;
class EventIndex;

// Everything that narrows the events, meant for a QDockWidget: free text, actors (a checkable,
// searchable list), event types and a date range. Beside each actor and type is the number of
// events it would show with the other criteria as they are, recounted from the corpus on every change:
// from backgroundThreshold() events on, on a worker thread, the counts of the last filter shown meanwhile.
//
// "All checked" is no criterion (an empty set in the EventFilter), so events whose actors are not
// in the list still show; "none checked" sets EventFilter::noActors or noTypes, which shows nothing.
// A check box under the actors sets EventFilter::allActors: events must name every checked actor.
class FilterDock final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterDock)

public:
    explicit FilterDock(QWidget *parent = nullptr);
    ~FilterDock() override;

    // Lists the corpus's actors. If every actor was checked, every actor is; otherwise checked names
    // that still exist stay checked and new ones come unchecked, and when none remains (another
    // corpus) every actor is checked again. "None" stays none. Types, dates and text are kept.
    void setEvents(std::shared_ptr<const EventIndex> events);

    EventFilter filter() const { return m_filter; }
    // Shows `filter` in the widgets and emits filterChanged() if it differs. Actor names the
    // corpus lacks are dropped; before any corpus they are kept until setEvents().
    void setFilter(const EventFilter &filter);

    // The filter as plain values for QSettings, and back.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    // Puts the keyboard in the free-text search, its text selected.
    void focusSearch();

    int backgroundThreshold() const { return m_backgroundThreshold; }
    void setBackgroundThreshold(int events) { m_backgroundThreshold = events; }
    // Whether the counts shown are not yet those of the current filter and corpus.
    bool isCounting() const { return m_countsShown != m_countsWanted; }

    ActorListModel *actorModel() const { return m_actors; }
    ActorFilterProxyModel *actorProxy() const { return m_actorProxy; }

signals:
    void filterChanged(const dateline::EventFilter &filter);

private:
    QWidget *createActorBox();
    QWidget *createTypeBox();
    QWidget *createDateBox();
    static QString typeLabel(EventType type);

    void normalize(EventFilter &filter) const;
    void showFilter();                   // m_filter into the widgets, without feedback
    void commit(const EventFilter &filter);  // takes it, recounts, emits if it changed
    void updateCounts();
    void startCounting();
    void showCounts(const FilterFacets::Counts &counts);
    void updateActorTitle();
    void readActors();
    void readTypes();
    void readDates();
    void checkOnly(const QModelIndex &proxyIndex);

    FilterFacets m_facets;
    QFutureWatcher<FilterFacets::Counts> m_counting;  // for many events the counts are made on a worker
    bool m_countRunning = false;                      // until the watcher reports it
    quint64 m_countsWanted = 0;                       // updateCounts() calls so far
    quint64 m_countsStarted = 0;                      // the call the last count started answers
    quint64 m_countsShown = 0;                        // the call the counts shown answer
    int m_backgroundThreshold = 50'000;
    EventFilter m_filter;
    QDate m_firstDate;   // of the corpus's dated events: where a newly enabled range starts
    QDate m_lastDate;

    QLineEdit *m_text = nullptr;
    QTimer m_textDelay;
    QGroupBox *m_actorBox = nullptr;
    QLineEdit *m_actorSearch = nullptr;
    QListView *m_actorView = nullptr;
    ActorListModel *m_actors = nullptr;
    ActorFilterProxyModel *m_actorProxy = nullptr;
    QPushButton *m_onlyActor = nullptr;
    QCheckBox *m_allActorsCheck = nullptr;
    QLabel *m_unlistedHint = nullptr;
    std::array<QCheckBox *, kEventTypeCount> m_typeChecks{};
    std::array<QLabel *, kEventTypeCount> m_typeCounts{};
    QCheckBox *m_fromCheck = nullptr;
    QCheckBox *m_toCheck = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
    QPushButton *m_wholePeriod = nullptr;
};

} // namespace dateline
