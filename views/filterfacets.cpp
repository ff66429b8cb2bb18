#include "filterfacets.h"

#include "eventindex.h"

#include <algorithm>

namespace dateline {

void FilterFacets::setEvents(std::shared_ptr<const EventIndex> index)
{
    m_index = std::move(index);
    m_actors.clear();
    m_unlisted.clear();
    if (!m_index)
        return;
    for (qsizetype actor = 0; actor < m_index->actorCount(); ++actor)
        m_actors.append(m_index->actorName(quint32(actor)));
    m_unlisted.fill(false, m_actors.size());
    for (const Article &article : m_index->corpus().articles)
        for (const QString &name : article.unlistedActors)
            if (const qsizetype actor = m_index->actorNumber(name); actor >= 0)
                m_unlisted[actor] = true;
}

qsizetype FilterFacets::eventCount() const
{
    return m_index ? m_index->size() : 0;
}

FilterFacets::Counts FilterFacets::count(const EventFilter &filter) const
{
    Counts counts;
    counts.actors.fill(0, m_actors.size());
    if (!m_index)
        return counts;
    // The same criteria as EventFilter::accepts, split so that each facet can skip its own: the
    // index applies the dates and the text, which no facet skips.
    EventFilter common;
    common.from = filter.from;
    common.to = filter.to;
    common.text = filter.text;
    std::vector<bool> selected;
    if (!filter.actors.isEmpty()) {
        selected.assign(size_t(m_actors.size()), false);
        for (const QString &name : filter.actors)
            if (const qsizetype actor = m_index->actorNumber(name); actor >= 0)
                selected[size_t(actor)] = true;
    }
    for (const int event : m_index->accepted(common)) {
        const EventIndex::Facts &facts = m_index->facts(event);
        const std::span<const quint32> actors = m_index->actorNumbers(event);
        const auto first = actors.begin();
        const auto last = actors.end();
        const bool typePasses = !filter.noTypes && (filter.types.isEmpty() || filter.types.contains(facts.type));
        // With allActors, an actor's count is the number of events that pass every other criterion AND
        // name all the other checked actors AND this one. An event naming this actor names all the
        // others exactly when it names every checked actor: if this actor is checked it is one of them,
        // and if not, "the others" are all of them. So one test serves every actor of the event, and
        // the same test is the actor criterion the type counts apply.
        bool actorsMatch = true;
        if (!selected.empty()) {
            if (filter.allActors) {
                qsizetype named = 0;  // distinct checked actors the event names
                for (auto it = first; it != last; ++it)
                    if (selected[*it] && std::find(first, it, *it) == it)
                        ++named;
                actorsMatch = named == filter.actors.size();  // a name the corpus lacks is never named
            } else {
                actorsMatch = std::any_of(first, last, [&](quint32 actor) { return bool(selected[actor]); });
            }
        }
        const bool actorsPass = !filter.noActors && actorsMatch;
        if (typePasses && (!filter.allActors || actorsMatch))
            std::for_each(first, last, [&](quint32 actor) { ++counts.actors[actor]; });
        if (actorsPass)
            ++counts.types.at(std::size_t(facts.type));
    }
    return counts;
}

} // namespace dateline
