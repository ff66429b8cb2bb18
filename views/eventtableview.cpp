#include "eventtableview.h"

#include "eventmodel.h"
#include "tooltips.h"

#include <QAbstractProxyModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

QModelIndex toSource(QModelIndex index)
{
    while (index.isValid()) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model());
        if (!proxy)
            break;
        index = proxy->mapToSource(index);
    }
    return index;
}

QModelIndex fromSource(const QAbstractItemModel *model, int row)
{
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model);
    if (!proxy)
        return model->index(row, 0);
    const QModelIndex source = fromSource(proxy->sourceModel(), row);
    return source.isValid() ? proxy->mapFromSource(source) : QModelIndex();
}

} // namespace

EventTableView::EventTableView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setEditTriggers(NoEditTriggers);
    setHorizontalScrollMode(ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this, [this](QPoint position) {
        if (!model())
            return;
        QMenu menu;
        for (int column = 0; column < model()->columnCount(); ++column) {
            QAction *action = menu.addAction(model()->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!isColumnHidden(column));
            // The last visible column cannot be hidden, or the header could not be found again.
            action->setEnabled(isColumnHidden(column) || horizontalHeader()->hiddenSectionCount() < model()->columnCount() - 1);
            connect(action, &QAction::toggled, this, [this, column](bool shown) { setColumnHidden(column, !shown); });
        }
        menu.exec(horizontalHeader()->mapToGlobal(position));
    });
}

EventTableView::~EventTableView() = default;

void EventTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    if (!model)
        return;

    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        emit currentEventChanged(currentEvent());
    });

    // Short columns fit their longest value or header; the sentence takes the remaining space.
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(u'M') * 3);
    const auto fit = [&](int column, QStringList samples) {
        samples.append(model->headerData(column, Qt::Horizontal).toString());
        int width = 0;
        for (const QString &sample : std::as_const(samples))
            width = std::max(width, fontMetrics().horizontalAdvance(sample));
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        // Room for the cell margins and, on the header, the sort indicator.
        header->resizeSection(column, width + 2 * fontMetrics().horizontalAdvance(u'M') + 8);
    };
    fit(EventModel::DateColumn, {EventModel::dateText(DateValue::ofDay(2024, 9, 30)),
                                 QLocale().standaloneMonthName(9) + u" 2024", EventModel::dateText({})});
    fit(EventModel::PrecisionColumn, {precisionName(Precision::Month)});
    QStringList types;
    for (int type = 0; type < kEventTypeCount; ++type)
        types.append(eventTypeName(EventType(type)));
    fit(EventModel::TypeColumn, types);
    fit(EventModel::ActorsColumn, {u"Vladimir Putin, Xi Jin"_s});
    fit(EventModel::ArticleColumn, {u"La Russie et la Chine"_s});
    fit(EventModel::ConfidenceColumn, {u"0.00"_s});
    header->setSectionResizeMode(EventModel::SentenceColumn, QHeaderView::Stretch);

    // The date text already tells its precision; the column stays available from the header menu.
    setColumnHidden(EventModel::PrecisionColumn, true);

    // Chronological by default; undated events sort first.
    sortByColumn(EventModel::DateColumn, Qt::AscendingOrder);
}

bool EventTableView::viewportEvent(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QTableView::viewportEvent(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const QModelIndex index = indexAt(help->pos());
    const QString text = plainToolTip(index.data(Qt::ToolTipRole).toString());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, viewport(), visualRect(index));
    return true;
}

int EventTableView::currentEvent() const
{
    if (!selectionModel())
        return -1;
    const QModelIndexList rows = selectionModel()->selectedRows();
    const QModelIndex source = rows.isEmpty() ? QModelIndex() : toSource(rows.first());
    return source.isValid() ? source.row() : -1;
}

bool EventTableView::selectEvent(int event)
{
    const QModelIndex index = model() ? fromSource(model(), event) : QModelIndex();
    if (!index.isValid())
        return false;
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index, PositionAtCenter);
    return true;
}

} // namespace dateline
