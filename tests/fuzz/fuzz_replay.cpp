// libFuzzer target: the replay command's input parsing and FSRS scheduling, in both of its modes.
#include "fuzzcontent.h"
#include "replaycommand.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = k8sfc::fuzz::bytes(data, size);
    for (const bool longTerm : {false, true}) {
        QString error;
        const auto lines = k8sfc::cli::ReplayCommand::replay(input, longTerm, &error);
        if (!lines) {
            if (error.isEmpty())
                __builtin_trap(); // a rejected log must say why
            continue;
        }
        // What replay prints is compared with ts-fsrs line by line: each line must be a JSON
        // object (a NaN stability, printed as "nan", would not be) whose times are written out.
        for (const QByteArray &line : lines->split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonDocument document = QJsonDocument::fromJson(line);
            if (!document.isObject())
                __builtin_trap();
            for (const char *key : {"review_time", "due"})
                if (document.object().value(QLatin1String(key)).toString().isEmpty())
                    __builtin_trap();
        }
    }
    return 0;
}
