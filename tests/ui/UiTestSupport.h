#pragma once

// Support for widget tests (header-only: every tests/ui/tst_*.cpp is its own executable).

#include "common/Dialogs.h"
#include "common/Translations.h"

#include <QDialog>
#include <QDir>
#include <QPixmap>
#include <QWidget>

#include <functional>

namespace bv::test {

// Dialogs with scripted answers: nothing modal ever opens in a test.
class ScriptedDialogs final : public ui::Dialogs
{
public:
    std::function<int(QDialog*)> onExec = [](QDialog*) { return int(QDialog::Rejected); };
    QList<bool> confirms; // answers to confirm(), in order (default: no)
    QList<std::optional<QString>> texts; // answers to askText()
    QStringList saveNames;
    QStringList openNames;
    QList<Error> errors; // every error shown
    QStringList infos; // every info text shown
    QStringList askedTexts;

    bool confirm(QWidget*, const QString&, const QString& text) override
    {
        askedTexts << text;
        return confirms.isEmpty() ? false : confirms.takeFirst();
    }
    std::optional<QString> askText(QWidget*, const QString&, const QString& label, bool) override
    {
        askedTexts << label;
        return texts.isEmpty() ? std::nullopt : texts.takeFirst();
    }
    std::optional<SecureBytes> askPassword(QWidget*, const QString&, const QString&) override { return std::nullopt; }
    QString saveFileName(QWidget*, const QString&, const QString&, const QString&) override
    {
        return saveNames.isEmpty() ? QString() : saveNames.takeFirst();
    }
    QString openFileName(QWidget*, const QString&, const QString&) override
    {
        return openNames.isEmpty() ? QString() : openNames.takeFirst();
    }
    void showError(QWidget*, const Error& error) override { errors << error; }
    void showInfo(QWidget*, const QString&, const QString& text) override { infos << text; }
    int exec(QDialog* dialog) override { return onExec(dialog); }
};

// Writes a screenshot of `widget` to <build>/screenshots/<language>/<name>.png (docs/screenshots keeps
// the current set). Returns the file name.
inline QString screenshot(QWidget* widget, const QString& name, const QString& language)
{
    const QString folder
        = qEnvironmentVariable("BV_BINARY_DIR", QDir::tempPath()) + QStringLiteral("/screenshots/") + language;
    QDir().mkpath(folder);
    widget->resize(widget->size().expandedTo(QSize(1100, 720)));
    const QString file = folder + QLatin1Char('/') + name + QStringLiteral(".png");
    widget->grab().save(file);
    return file;
}

} // namespace bv::test
