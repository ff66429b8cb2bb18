#include "eventfilter.h"

#include "article.h"
#include "textfolding.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace dateline {

bool EventFilter::accepts(const Event &event, const Article &article) const
{
    if (noActors || noTypes)
        return false;
    if (!types.isEmpty() && !types.contains(event.type))
        return false;
    if (!actors.isEmpty()) {
        const bool passes = allActors
            ? std::all_of(actors.cbegin(), actors.cend(), [&event](const QString &actor) { return event.actors.contains(actor); })
            : std::any_of(event.actors.cbegin(), event.actors.cend(), [this](const QString &actor) { return actors.contains(actor); });
        if (!passes)
            return false;
    }
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

QString EventFilter::description() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("EventFilter", text); };
    if (noActors)
        return tr("no actor chosen");
    if (noTypes)
        return tr("no event type chosen");
    QStringList parts;
    if (!actors.isEmpty()) {
        QStringList names(actors.cbegin(), actors.cend());
        names.sort();
        parts.append((names.size() == 1 ? tr("actor %1") : tr("actors %1")).arg(names.join(allActors ? tr(" and ") : tr(" or "))));
    }
    if (!types.isEmpty()) {
        QStringList names;
        for (int type = 0; type < kEventTypeCount; ++type)
            if (types.contains(EventType(type)))
                names.append(eventTypeName(EventType(type)));
        parts.append((names.size() == 1 ? tr("type %1") : tr("types %1")).arg(names.join(tr(" or "))));
    }
    if (from.isValid() && to.isValid())
        parts.append(tr("from %1 to %2").arg(from.toIso(), to.toIso()));
    else if (from.isValid())
        parts.append(tr("from %1").arg(from.toIso()));
    else if (to.isValid())
        parts.append(tr("until %1").arg(to.toIso()));
    if (!text.isEmpty())
        parts.append(tr("text \u201c%1\u201d").arg(text.trimmed()));
    return parts.isEmpty() ? tr("all events") : parts.join(u"; ");
}

} // namespace dateline
