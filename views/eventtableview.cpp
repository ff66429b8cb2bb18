#include "eventtableview.h"

#include "eventmodel.h"
#include "untrustedtext.h"

#include <QAbstractProxyModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QScopedValueRollback>
#include <QStyledItemDelegate>
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

bool isUndated(const QModelIndex &index)
{
    return index.isValid() && !index.siblingAtColumn(EventModel::DateColumn).data(EventModel::DateRole).toDate().isValid();
}

// Undated events form a group of their own: tinted rows, "Undated" in italics, and a rule
// where the group meets the dated events, in either sort order.
class UndatedGroupDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (!isUndated(index))
            return;
        const auto datedAt = [&index](int row) {
            return row >= 0 && row < index.model()->rowCount(index.parent()) && !isUndated(index.siblingAtRow(row));
        };
        painter->save();
        painter->setPen(QPen(option.palette.color(QPalette::Mid), 0));
        if (datedAt(index.row() + 1))
            painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
        if (datedAt(index.row() - 1))
            painter->drawLine(option.rect.topLeft(), option.rect.topRight());
        painter->restore();
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!isUndated(index))
            return;
        option->backgroundBrush = EventTableView::undatedRowColor(option->palette);
        if (index.column() == EventModel::DateColumn)
            option->font.setItalic(true);
    }
};

} // namespace

QColor EventTableView::undatedRowColor(const QPalette &palette)
{
    // A cool tint of the base colour, opaque so that alternating rows do not show through.
    const QColor base = palette.color(QPalette::Base);
    const QColor tint(70, 110, 200);
    const auto mix = [](int from, int to) { return (from * 88 + to * 12) / 100; };
    return {mix(base.red(), tint.red()), mix(base.green(), tint.green()), mix(base.blue(), tint.blue())};
}

EventTableView::EventTableView(QWidget *parent) : QTableView(parent)
{
    setItemDelegate(new UndatedGroupDelegate(this));
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
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != EventModel::SentenceColumn)
            m_userSized.insert(column);
    });
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
            connect(action, &QAction::toggled, this, [this, column](bool shown) {
                setColumnHidden(column, !shown);
                shareWidth();
            });
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
        width += 2 * fontMetrics().horizontalAdvance(u'M') + 8;
        m_fittedWidths.insert(column, width);
        const QScopedValueRollback fitting(m_fitting, true);
        header->resizeSection(column, width);
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

    // The date text already tells its precision, and the sentence needs the room more than the
    // extractor's confidence; both stay available from the header menu.
    setColumnHidden(EventModel::PrecisionColumn, true);
    setColumnHidden(EventModel::ConfidenceColumn, true);

    // Chronological by default; undated events sort first.
    sortByColumn(EventModel::DateColumn, Qt::AscendingOrder);
    shareWidth();
}

void EventTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    shareWidth();
}

void EventTableView::shareWidth()
{
    // In a narrow table the article and the actors give up width before the sentence does, down
    // to a few letters each, so that the sentence keeps a third of the row. A column the user has
    // resized keeps the user's width.
    if (!model())
        return;
    QHeaderView *header = horizontalHeader();
    const QList<int> yielding{EventModel::ArticleColumn, EventModel::ActorsColumn};
    int others = 0;
    for (int column = 0; column < model()->columnCount(); ++column) {
        if (column == EventModel::SentenceColumn || isColumnHidden(column))
            continue;
        const bool fitted = yielding.contains(column) && !m_userSized.contains(column);
        others += fitted ? m_fittedWidths.value(column) : header->sectionSize(column);
    }
    int excess = others + viewport()->width() / 3 - viewport()->width();
    const int minimum = fontMetrics().horizontalAdvance(u'M') * 6;
    const QScopedValueRollback fitting(m_fitting, true);
    for (const int column : yielding) {
        if (isColumnHidden(column) || m_userSized.contains(column))
            continue;
        const int fitted = m_fittedWidths.value(column);
        const int width = std::max(std::min(minimum, fitted), fitted - std::max(0, excess));
        excess -= fitted - width;
        header->resizeSection(column, width);
    }
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
