#pragma once

#include "ui/startup/StartupPrompts.h"

#include <QCoreApplication>

class QWidget;

namespace bv::ui {

class WidgetStartupPrompts final : public StartupPrompts
{
    Q_DECLARE_TR_FUNCTIONS(WidgetStartupPrompts)
public:
    explicit WidgetStartupPrompts(QWidget* parent = nullptr)
        : m_parent(parent)
    {
    }
    bool confirmCreate(const QString& path) override;
    void showRecoverySheet(const QString& path, const SecureBytes& passphrase) override;
    std::optional<SecureBytes> askRecoveryPassphrase(const QString& path, const Error& why) override;
    void showError(const Error& error) override;
    void showWarning(const Error& error) override;

private:
    QWidget* m_parent;
};

} // namespace bv::ui
