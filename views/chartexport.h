#pragma once

#include <QDate>
#include <QSize>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace dateline {

class EventIndex;
struct EventFilter;

enum class PictureFormat { Png, Svg, Pdf };
// From the file name's suffix (.png, .svg, .pdf, any case); nullopt for anything else.
std::optional<PictureFormat> pictureFormatForPath(const QString &path);

// "timeline", then the chart kinds: what `export-chart --chart` and File → Export Chart offer.
QStringList exportablePictures();

struct PictureSettings
{
    QSize size{1280, 800};   // in logical pixels: what the layout and the fonts are measured against
    qreal scale = 1;         // PNG pixels per logical pixel (2 gives a 2560×1600 image for the default)
    QDate exportDate = QDate::currentDate();
};

// Why `settings` cannot be drawn (a size or scale out of bounds), or an empty string.
QString pictureSettingsError(const PictureSettings &settings);

// Draws `picture` ("timeline" or a chart kind) over the events `filter` accepts, with a caption
// that states the filter, the date range, the numbers of events and articles and the export date,
// and writes it as PNG, SVG or PDF (one page) depending on the suffix of `path`. The file is
// replaced atomically (QSaveFile). Needs a QApplication, which may run on the offscreen platform.
// Returns false with a message in `error` when the picture, the format or the file is wrong.
bool exportPicture(const QString &picture, const std::shared_ptr<const EventIndex> &index, const EventFilter &filter, const QString &path,
                   const PictureSettings &settings, QString *error);

} // namespace dateline
