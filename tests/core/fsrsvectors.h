#pragma once

#include "fsrs.h"

#include <QJsonObject>
#include <QStringList>

/// Reading the reference vectors that tests/data/fsrs/generate.mjs computed with ts-fsrs.
namespace k8sfc::testing {

/// The suffixes of tests/data/fsrs/vectors-*.json.
QStringList vectorModes();
/// The whole file: {"parameters": {...}, "vectors": [...]}; empty if it cannot be read.
QJsonObject readVectors(const QString &mode);
QDateTime utc(const QString &iso);
FsrsParameters parametersFrom(const QJsonObject &json);
/// The card ts-fsrs returned (a vector's "expected"), as the next review's input; an empty object
/// is a New card.
FsrsCard cardFrom(const QJsonObject &expected, const QString &reviewTime);
/// Within 1e-6, relative.
bool nearlyEqual(double a, double b);
/// Empty when `got` is what ts-fsrs computed, else what differs.
QString mismatch(const FsrsCard &got, const QJsonObject &want);

} // namespace k8sfc::testing
