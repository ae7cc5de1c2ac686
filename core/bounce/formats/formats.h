#pragma once

#include "bounceformat.h"

#include <memory>

// Each unit defines one factory; registry.cpp lists them in the order they are tried.
namespace BounceDoctor::Formats {

std::unique_ptr<BounceFormat> makeAmazonSesJson();
std::unique_ptr<BounceFormat> makeArf();
std::unique_ptr<BounceFormat> makeRfc3464();
std::unique_ptr<BounceFormat> makeAutoReply();
std::unique_ptr<BounceFormat> makeQmail();
std::unique_ptr<BounceFormat> makePostfix();
std::unique_ptr<BounceFormat> makeOpenSmtpd();
std::unique_ptr<BounceFormat> makeYahoo();
std::unique_ptr<BounceFormat> makeDomino();
std::unique_ptr<BounceFormat> makeDragonFly();
std::unique_ptr<BounceFormat> makeCourier();
std::unique_ptr<BounceFormat> makeExim();
std::unique_ptr<BounceFormat> makeSendmail();
std::unique_ptr<BounceFormat> makeExchange();
std::unique_ptr<BounceFormat> makeGmail();
std::unique_ptr<BounceFormat> makeGenericText();
std::unique_ptr<BounceFormat> makeSmtpReply();
std::unique_ptr<BounceFormat> makeExchange2003();
std::unique_ptr<BounceFormat> makeIMailServer();
std::unique_ptr<BounceFormat> makeNotes();
std::unique_ptr<BounceFormat> makeVerizon();
std::unique_ptr<BounceFormat> makeMcAfee();
std::unique_ptr<BounceFormat> makeFml();
std::unique_ptr<BounceFormat> makeApacheJames();

} // namespace BounceDoctor::Formats
