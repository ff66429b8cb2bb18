#include "filterbar.h"

#include "corpus.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLineEdit>

namespace dateline {

namespace {

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

FilterBar::FilterBar(QWidget *parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search sentences and titles"));
    m_search->setClearButtonEnabled(true);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_type->addItem(tr("All types"));
    for (int type = 0; type < kEventTypeCount; ++type)
        m_type->addItem(capitalized(eventTypeName(EventType(type))), type);

    m_actor = new QComboBox(this);
    m_actor->setObjectName(QStringLiteral("actorCombo"));
    m_actor->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_actor->setMinimumContentsLength(16);
    m_actor->setMaxVisibleItems(24);
    m_actor->addItem(tr("All actors"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_type);
    layout->addWidget(m_actor);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(&m_searchDelay, &QTimer::timeout, this, &FilterBar::emitFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Clearing is immediate: it is one click and the full list is what the user expects back.
        if (text.isEmpty()) {
            m_searchDelay.stop();
            emitFilter();
        } else {
            m_searchDelay.start();
        }
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, &FilterBar::emitFilter);
    connect(m_actor, &QComboBox::currentIndexChanged, this, &FilterBar::emitFilter);
}

FilterBar::~FilterBar() = default;

void FilterBar::setCorpus(const Corpus *corpus)
{
    QHash<QString, int> counts;
    if (corpus) {
        for (const Event &event : corpus->events)
            for (const QString &actor : event.actors)
                ++counts[actor];
    }
    QList<std::pair<QString, int>> actors;
    actors.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        actors.append({it.key(), it.value()});
    std::sort(actors.begin(), actors.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : QString::localeAwareCompare(a.first, b.first) < 0;
    });

    const QSignalBlocker blockSearch(m_search);
    const QSignalBlocker blockType(m_type);
    const QSignalBlocker blockActor(m_actor);
    m_searchDelay.stop();
    m_search->clear();
    m_type->setCurrentIndex(0);
    m_actor->clear();
    m_actor->addItem(tr("All actors"));
    for (const auto &[actor, count] : std::as_const(actors))
        m_actor->addItem(tr("%1 (%2)").arg(actor, QString::number(count)), actor);
    emitFilter();
}

EventFilter FilterBar::filter() const
{
    EventFilter filter;
    filter.text = m_search->text().trimmed();
    if (const QVariant type = m_type->currentData(); type.isValid())
        filter.types.insert(EventType(type.toInt()));
    if (const QVariant actor = m_actor->currentData(); actor.isValid())
        filter.actors.insert(actor.toString());
    return filter;
}

void FilterBar::emitFilter()
{
    emit filterChanged(filter());
}

} // namespace dateline
