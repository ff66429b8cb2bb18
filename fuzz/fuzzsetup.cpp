#include <QStandardPaths>

// libFuzzer calls this once, before the first input and so before any resource is loaded:
// the user's own resource files (dates-fr.json...) stay out of every run.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QStandardPaths::setTestModeEnabled(true);
    return 0;
}
