#pragma once

#include "eventchart.h"

#include <QWidget>

#include <array>
#include <memory>

class QChartView;
class QLabel;
class QPushButton;
class QTabWidget;

namespace dateline {

// The four charts in tabs, a note on what a chart could not place, and the control that undoes
// a narrowing made by clicking a chart. It only shows what it is given and reports clicks:
// the window owns the filter and the undo history.
class ChartsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsPanel)

public:
    explicit ChartsPanel(QWidget *parent = nullptr);
    ~ChartsPanel() override;

    // Only the chart on show is rebuilt at once; the others when they are shown or asked for.
    void setEvents(std::shared_ptr<const EventIndex> index, const QList<int> &events, const EventFilter &filter);
    void setUndoAvailable(bool available);

    EventChart *chart(ChartKind kind);  // brought up to date first
    ChartKind currentKind() const;
    QPushButton *undoButton() const { return m_undo; }

signals:
    void narrowRequested(const dateline::EventFilter &filter);
    void undoRequested();

private:
    void updateNote();

    std::shared_ptr<const EventIndex> m_index;
    QList<int> m_events;
    EventFilter m_filter;
    std::array<bool, kChartKindCount> m_stale{};
    std::array<EventChart *, kChartKindCount> m_charts{};
    QTabWidget *m_tabs = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_undo = nullptr;
};

} // namespace dateline
