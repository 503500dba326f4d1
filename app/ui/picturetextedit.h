#pragma once

#include <QPlainTextEdit>

namespace k8sfc {

/// A Markdown field that takes pictures: a pasted or dropped image (PNG, JPEG or SVG, as image data
/// or as files) is handed over as PNG or JPEG bytes (an SVG drawn to PNG, since card text shows
/// bitmaps only) through pictureGiven(), for the owner to store and reference; plain text pastes as
/// text.
class PictureTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit PictureTextEdit(QWidget *parent = nullptr);
    /// Takes the picture file at `path` as a drop of it would.
    void takeFile(const QString &path);

    /// Turns `bytes` (a PNG, JPEG or SVG file's) into PNG or JPEG bytes in place, or says why not.
    static std::optional<QString> toBitmap(QByteArray &bytes);

signals:
    void pictureGiven(const QByteArray &bytes);
    /// A picture that cannot be taken (too large, not PNG, JPEG or SVG).
    void pictureRefused(const QString &why);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};

} // namespace k8sfc
