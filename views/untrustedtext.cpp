#include "untrustedtext.h"

namespace dateline {

namespace {

constexpr qsizetype kMaxUnbrokenRun = 40;
constexpr qsizetype kMaxToolTipLength = 1000;

// Embeddings, overrides and isolates: invisible, and in a label they reorder the rest of the line.
bool isDirectionControl(QChar c)
{
    return (c.unicode() >= 0x202A && c.unicode() <= 0x202E) || (c.unicode() >= 0x2066 && c.unicode() <= 0x2069);
}

} // namespace

QString displayText(const QString &text, qsizetype maxLength)
{
    QString shown;
    shown.reserve(std::min(text.size(), maxLength) + 8);
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isDirectionControl(c))
            continue;
        if (shown.size() >= maxLength && !c.isLowSurrogate()) {
            shown += u'…';
            break;
        }
        run = c.isSpace() ? 0 : run + 1;
        if (run > kMaxUnbrokenRun && !c.isLowSurrogate()) {
            shown += QChar(0x200B);  // zero width space: a place to wrap, not seen
            run = 1;
        }
        shown += c;
    }
    return shown;
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString html = displayText(text, kMaxToolTipLength).toHtmlEscaped();
    html.replace(u'\n', QStringLiteral("<br>"));
    return QStringLiteral("<qt>") + html + QStringLiteral("</qt>");
}

} // namespace dateline
