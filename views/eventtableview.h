#pragma once

#include <QHash>
#include <QSet>
#include <QTableView>

namespace dateline {

// The event list: whole-row single selection, sorting by header click on the model's raw
// values, short columns fitted to their values, the sentence taking the remaining space,
// and a header context menu to show or hide columns. Undated events are set apart as a group.
class EventTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTableView)

public:
    explicit EventTableView(QWidget *parent = nullptr);
    ~EventTableView() override;

    // Expects an EventModel or a proxy over one, for its column layout.
    void setModel(QAbstractItemModel *model) override;

    // The selected row as a row of the underlying EventModel (an index into Corpus::events), or -1.
    int currentEvent() const;
    // Selects and scrolls to the row of that event; false when the proxy filters it out.
    bool selectEvent(int event);

    // The background of undated events' rows.
    static QColor undatedRowColor(const QPalette &palette);

protected:
    // Shows the model's tooltips as plain text: they quote untrusted articles.
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

signals:
    // The selected event, as an index into Corpus::events; -1 when nothing is selected.
    void currentEventChanged(int event);

private:
    void shareWidth();

    QHash<int, int> m_fittedWidths;  // by column: what its longest values need
    QSet<int> m_userSized;           // columns the user has resized
    bool m_fitting = false;
};

} // namespace dateline
