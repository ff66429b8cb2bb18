#pragma once

#include <QDir>
#include <QFile>
#include <QList>
#include <QMultiHash>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>

#include <unistd.h>

// One file for each kind of bad input a folder of scraped pages may hold, for the tests that
// open such a folder: the export and the window must each give every file its problem entry
// and load the rest.
struct HostileFile
{
    QString name;        // as problem entries name it: the file name, or the path of what a folder skips
    QString problem;     // a part of its problem entry; empty for files that must load without one
    bool loads = false;  // it must give an article with events
};

namespace hostile {

using namespace Qt::StringLiterals;

inline bool write(const QDir &folder, const QString &name, const QByteArray &bytes)
{
    QFile file(folder.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline constexpr int kTinyFiles = 10'000;

inline QString tinyFileName(int i) { return u"%1.txt"_s.arg(i, 5, 10, QChar(u'0')); }

inline const QByteArray kArticle = QByteArrayLiteral(
    " date 2023-03-05\nPoutine reçoit Xi\n\nLe 5 mars, Vladimir Poutine a reçu Xi Jinping à Moscou.\n");

// Writes the files into `folder`, including 10,000 tiny ones in its "tiny" subfolder.
inline QList<HostileFile> writeFiles(const QDir &folder)
{
    QList<HostileFile> files;
    constexpr bool kLoads = true;
    const auto add = [&](const QString &name, const QByteArray &bytes, const QString &problem, bool loads = false) {
        if (write(folder, name, bytes))
            files.append({name, problem, loads});
    };
    add(u"good.txt"_s, kArticle, {}, kLoads);
    add(u"empty.txt"_s, {}, u"empty file"_s);
    add(u"image.png"_s, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0"_ba + QByteArray(2000, '\xA5'),
        u"not a text file"_s);
    QByteArray noise(4096, '\0');
    QRandomGenerator random(7);
    for (char &byte : noise)
        byte = char(random.bounded(256));
    add(u"random.bin"_s, noise, u"not a text file"_s);
    add(u"nul.txt"_s, QByteArray(kArticle).insert(40, QByteArray(3, '\0')), u"NUL bytes"_s, kLoads);
    const QString article = QString::fromUtf8(kArticle);
    add(u"utf16.txt"_s, QByteArray("\xFF\xFE") + QByteArray(reinterpret_cast<const char *>(article.utf16()), article.size() * 2),
        u"UTF-16"_s, kLoads);
    add(u"cp1252.txt"_s, article.toLatin1(), u"read as Windows-1252"_s, kLoads);
    add(u"broken-utf8.txt"_s, QByteArray(kArticle).insert(50, "\xC3\x28\xFF"), u"invalid UTF-8 sequences"_s, kLoads);
    // 1 MB on one line, without a full stop: one "sentence" 250 times as long as the 4,000
    // characters at which sentences are cut. It must be cut, not choke the reader.
    add(u"one-line.txt"_s, QByteArray("abcdefghij ").repeated(1'000'000 / 11), u"were cut into pieces"_s);
    add(u"many-dates.txt"_s,
        " date 2023-03\nTitre\n\n" + QByteArray("Le 5 mars 2023, Vladimir Poutine a rencontré Xi Jinping. ").repeated(100'000),
        u"only the first 10000 are kept"_s, kLoads);
    // An article whose header date is wrong is dated otherwise, or not at all, and loads.
    add(u"header-month-13.txt"_s, " date 2023-13\nTitre\n\nLe 5 mars, Poutine a reçu Xi.\n", u"\"2023-13\" is not a valid date"_s, kLoads);
    add(u"header-year-99999.txt"_s, " date 99999-01\nTitre\n\nLe 5 mars, Poutine a reçu Xi.\n", u"\"99999-01\" is not a valid date"_s, kLoads);
    add(u"header-no-date.txt"_s, " date\nTitre\n\nLe 5 mars, Poutine a reçu Xi.\n", u"the header line has no date"_s, kLoads);
    add(u"header-february-30.txt"_s, " date 2023-02-30\nTitre\n\nLe 5 mars, Poutine a reçu Xi.\n", u"\"2023-02-30\" is not a valid date"_s, kLoads);
    add(u"header-1850.txt"_s, " date 1850-01\nTitre\n\nLe 5 mars, Poutine a reçu Xi.\n", u"not a plausible publication date"_s, kLoads);
    add(u"header-2150.txt"_s, " date 2150-06\nTitre\n\nLe 5 mars, Poutine a reçu Xi.\n", u"not a plausible publication date"_s, kLoads);
    // Dates far from today in the text are history or plans, not errors: they load as events.
    add(u"far-dates.txt"_s, " date 2023-03\nNertchinsk\n\nEn 1689, la Russie et la Chine ont signé le traité de Nertchinsk. "
                             "En 2150, la Chine et la Russie signeront un accord.\n", {}, kLoads);
    if (QFile::link(folder.path(), folder.filePath(u"loop"_s)))
        files.append({folder.filePath(u"loop"_s), u"a link to a folder"_s});
    if (QFile::link(folder.filePath(u"nowhere.txt"_s), folder.filePath(u"broken-link.txt"_s)))
        files.append({folder.filePath(u"broken-link.txt"_s), u"does not exist"_s});
    // Root reads any file whatever its permissions: then it is just one more good file.
    if (write(folder, u"unreadable.txt"_s, kArticle) && QFile::setPermissions(folder.filePath(u"unreadable.txt"_s), QFileDevice::Permissions()))
        files.append({u"unreadable.txt"_s, geteuid() == 0 ? QString() : u"cannot read the file"_s, geteuid() == 0});
    folder.mkdir(u"tiny"_s);
    for (int i = 0; i < kTinyFiles; ++i)
        write(QDir(folder.filePath(u"tiny"_s)), tinyFileName(i), "x\n");
    return files;
}

// What a load of the folder `files` were written into got wrong, one message each, empty if
// nothing: `problems` holds the problem messages by the name of the file they are about,
// `withEvents` the names of the files that gave events.
inline QStringList mismatches(const QList<HostileFile> &files, const QMultiHash<QString, QString> &problems,
                              const QSet<QString> &withEvents)
{
    QStringList found;
    qsizetype expectedProblems = kTinyFiles;
    for (const HostileFile &file : files) {
        const QStringList messages = problems.values(file.name);
        if (file.problem.isEmpty() ? !messages.isEmpty() : messages.size() != 1 || !messages.first().contains(file.problem))
            found.append(file.name + u": problems \""_s + messages.join(u"; "_s) + u"\", expected \""_s + file.problem + u'"');
        if (file.loads && !withEvents.contains(file.name))
            found.append(file.name + u": no events"_s);
        expectedProblems += !file.problem.isEmpty();
    }
    QStringList tinyWrong;
    for (int i = 0; i < kTinyFiles; ++i) {
        const QStringList messages = problems.values(tinyFileName(i));
        if (messages != QStringList{u"no article text found, only a title line"_s})
            tinyWrong.append(tinyFileName(i) + u": problems \""_s + messages.join(u"; "_s) + u'"');
    }
    if (!tinyWrong.isEmpty())
        found.append(u"%1 of the %2 tiny files are wrong, the first %3"_s.arg(tinyWrong.size()).arg(kTinyFiles).arg(tinyWrong.first()));
    if (problems.size() != expectedProblems)
        found.append(u"%1 problem entries, expected %2"_s.arg(problems.size()).arg(expectedProblems));
    return found;
}

} // namespace hostile
