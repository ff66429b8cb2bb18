#include "problemlist.h"

#include "corpus.h"

#include "untrustedtext.h"

#include <QHeaderView>

namespace dateline {

ProblemList::ProblemList(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("File"), tr("Problem")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    sortByColumn(0, Qt::AscendingOrder);
    header()->setStretchLastSection(true);
    header()->resizeSection(0, fontMetrics().horizontalAdvance(u'M') * 18);
}

ProblemList::~ProblemList() = default;

void ProblemList::setCorpus(const Corpus *corpus)
{
    clear();
    if (!corpus)
        return;
    QList<QTreeWidgetItem *> items;
    items.reserve(corpus->problems.size());
    for (const Problem &problem : corpus->problems) {
        // Item text is plain; the tooltips are escaped because QToolTip would guess.
        auto *item = new QTreeWidgetItem({problem.file, problem.message});
        item->setToolTip(0, plainToolTip(problem.file));
        item->setToolTip(1, plainToolTip(problem.message));
        items.append(item);
    }
    addTopLevelItems(items);
}

} // namespace dateline
