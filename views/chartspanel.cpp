#include "chartspanel.h"

#include "eventindex.h"

#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dateline {

ChartsPanel::ChartsPanel(QWidget *parent) : QWidget(parent)
{
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"chartTabs"_s);
    m_tabs->setDocumentMode(true);
    const std::array labels{tr("Over Time"), tr("Actors"), tr("Types"), tr("Pairs")};
    for (int kind = 0; kind < kChartKindCount; ++kind) {
        auto *chart = new EventChart(ChartKind(kind));
        m_charts.at(std::size_t(kind)) = chart;
        auto *view = new QChartView(chart);
        view->setObjectName(chartKindName(ChartKind(kind)) + u"ChartView"_s);
        view->setRenderHint(QPainter::Antialiasing);
        view->setToolTip(tr("Click a bar or a point to show only its events"));
        m_tabs->addTab(view, labels.at(std::size_t(kind)));
        connect(chart, &EventChart::narrowRequested, this, &ChartsPanel::narrowRequested);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &ChartsPanel::updateNote);

    m_note = new QLabel;
    m_note->setObjectName(u"chartNote"_s);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_undo = new QPushButton(tr("Undo Chart Filter"));
    m_undo->setObjectName(u"undoChartFilter"_s);
    m_undo->setToolTip(tr("Restore the filter as it was before a chart was clicked"));
    m_undo->setEnabled(false);
    connect(m_undo, &QPushButton::clicked, this, &ChartsPanel::undoRequested);

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(6, 0, 6, 6);
    bottom->addWidget(m_note, 1);
    bottom->addWidget(m_undo);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);
}

ChartsPanel::~ChartsPanel() = default;

void ChartsPanel::setEvents(std::shared_ptr<const EventIndex> index, const QList<int> &events, const EventFilter &filter)
{
    m_index = std::move(index);
    m_events = events;
    m_filter = filter;
    m_stale.fill(true);
    updateNote();
}

EventChart *ChartsPanel::chart(ChartKind kind)
{
    const auto at = std::size_t(kind);
    if (m_stale.at(at) && m_index) {
        m_charts.at(at)->setEvents(*m_index, m_events, m_filter);
        m_stale.at(at) = false;
    }
    return m_charts.at(at);
}

void ChartsPanel::setUndoAvailable(bool available) { m_undo->setEnabled(available); }

ChartKind ChartsPanel::currentKind() const { return ChartKind(std::max(0, m_tabs->currentIndex())); }

void ChartsPanel::updateNote() { m_note->setText(chart(currentKind())->note()); }

} // namespace dateline
