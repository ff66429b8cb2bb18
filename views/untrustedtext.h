#pragma once

#include <QString>

namespace dateline {

// Article text shown in labels and tooltips, where one string lays out a whole widget. It stays
// text (never HTML) and in bounds: no longer than `maxLength` (elided), with no direction
// overrides that would reorder what follows it, and with a break opportunity in every run of
// more than a few dozen characters so that a 20,000-letter "word" wraps like any other.
QString displayText(const QString &text, qsizetype maxLength);

// A tooltip of untrusted text: displayText() escaped for QToolTip, which would otherwise guess
// whether it is rich text; its line breaks are kept, and wrapping is explicit.
QString plainToolTip(const QString &text);

} // namespace dateline
