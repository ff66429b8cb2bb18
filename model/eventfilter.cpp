#include "eventfilter.h"

#include "article.h"
#include "textfolding.h"

namespace dateline {

bool EventFilter::accepts(const Event &event, const Article &article) const
{
    if (noActors || noTypes)
        return false;
    if (!types.isEmpty() && !types.contains(event.type))
        return false;
    if (!actors.isEmpty()
        && std::none_of(event.actors.cbegin(), event.actors.cend(), [this](const QString &actor) { return actors.contains(actor); }))
        return false;
    if (!acceptsDate(event.date))
        return false;
    if (!text.isEmpty()) {
        const QString needle = foldForMatching(text.trimmed());
        if (!foldForMatching(article.textOf(event.evidence)).contains(needle) && !foldForMatching(article.title).contains(needle))
            return false;
    }
    return true;
}

bool EventFilter::acceptsDate(const DateValue &date) const
{
    if (!from.isValid() && !to.isValid())
        return true;
    if (!date.isValid())
        return false;
    if (from.isValid() && date.lastDay() < from.firstDay())
        return false;
    if (to.isValid() && to.lastDay() < date.firstDay())
        return false;
    return true;
}

} // namespace dateline
