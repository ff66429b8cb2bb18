#pragma once

#include "eventfilter.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace dateline {

struct Corpus;

// Free-text search, event type and actor above the event list. Emits the EventFilter they
// describe; typing is debounced so that a large corpus is not refiltered on every key.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    // Lists the corpus's actors, most frequent first, and resets every criterion.
    void setCorpus(const Corpus *corpus);
    EventFilter filter() const;

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *typeCombo() const { return m_type; }
    QComboBox *actorCombo() const { return m_actor; }

signals:
    void filterChanged(const dateline::EventFilter &filter);

private:
    void emitFilter();

    QLineEdit *m_search = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_actor = nullptr;
    QTimer m_searchDelay;
};

} // namespace dateline
