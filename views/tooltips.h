#pragma once

#include <QString>

namespace dateline {

// QToolTip guesses whether a text is rich; article-derived strings must never be taken for
// HTML, so they are escaped and wrapped explicitly (which also word-wraps long sentences).
inline QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? QString() : QStringLiteral("<qt>") + text.toHtmlEscaped() + QStringLiteral("</qt>");
}

} // namespace dateline
