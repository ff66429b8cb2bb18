#pragma once

#include "event.h"

#include <QColor>
#include <QIcon>

namespace dateline {

// One hue per event type, shared by the timeline's marks and the filter dock's legend.
QColor eventTypeColor(EventType type);
// A dot of that colour, for check boxes and menus.
QIcon eventTypeIcon(EventType type);

} // namespace dateline
