#pragma once

#include <QDialog>

namespace BounceDoctor::Gui {

/// F1 help: how to read a bounce, and a short glossary of the words the checks use.
class HelpDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit HelpDialog(QWidget *parent = nullptr);

    /// The help text as HTML (our own words only: nothing from a bounce).
    static QString helpHtml();
    /// The About box's text: version, licence, credits.
    static QString aboutHtml();
};

} // namespace BounceDoctor::Gui
