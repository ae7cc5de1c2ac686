#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QSpinBox;

namespace BounceDoctor::Gui {

/// DNS servers, timeout and the Spamhaus DQS key, kept through the typed Settings wrapper.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QLineEdit *m_servers = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLineEdit *m_dqsKey = nullptr;
    QListWidget *m_blocklists = nullptr;
};

} // namespace BounceDoctor::Gui
