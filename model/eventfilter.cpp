#include "eventfilter.h"

#include "article.h"
#include "textfolding.h"

namespace dateline {

bool EventFilter::accepts(const Event &event, const Article &article) const
{
    if (!types.isEmpty() && !types.contains(event.type))
        return false;
    if (!actors.isEmpty()
        && std::none_of(event.actors.cbegin(), event.actors.cend(), [this](const QString &actor) { return actors.contains(actor); }))
        return false;
    if (from.isValid() || to.isValid()) {
        if (!event.date.isValid())
            return false;
        if (from.isValid() && event.date.lastDay() < from.firstDay())
            return false;
        if (to.isValid() && to.lastDay() < event.date.firstDay())
            return false;
    }
    if (!text.isEmpty()) {
        const QString needle = foldForMatching(text.trimmed());
        if (!foldForMatching(article.textOf(event.evidence)).contains(needle) && !foldForMatching(article.title).contains(needle))
            return false;
    }
    return true;
}

} // namespace dateline
