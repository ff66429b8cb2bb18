#pragma once

#include <QTreeWidget>

namespace dateline {

struct Corpus;

// The problems met while reading a corpus (a file that is empty, undecodable, missing...),
// so that a bad file is visible rather than silently skipped.
class ProblemList final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemList)

public:
    explicit ProblemList(QWidget *parent = nullptr);
    ~ProblemList() override;

    void setCorpus(const Corpus *corpus);
};

} // namespace dateline
