// A statistics plugin from another build: its stamp is not the app's. StatisticsLoader must refuse
// it before calling anything else; its factory aborts to prove that it is never called.
#include <QtGlobal>

class QWidget;

namespace k8sfc {
struct StatisticsInput;
}

extern "C" Q_DECL_EXPORT const char *k8sfc_statistics_stamp()
{
    return "0.0.0+another-build";
}

extern "C" Q_DECL_EXPORT QWidget *k8sfc_create_statistics(const char *, const k8sfc::StatisticsInput &, QWidget *)
{
    qFatal("the factory of a plugin from another build was called");
}
