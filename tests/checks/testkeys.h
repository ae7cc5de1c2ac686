#pragma once

// Public keys generated for these tests with "openssl genpkey" (base64 of the DER
// SubjectPublicKeyInfo, as DKIM publishes them in p=; ed25519 as the bare 32 bytes).

#define BD_TEST_RSA512                                                                             \
    "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBANGIJmAMomdrSOKtD0t0YTUz2r0+HH7AGf/rdEPx/5tUgk1il5kSOujX/"    \
    "s7BtR0erlyevQTH3k/86+LUM+Sa+csCAwEAAQ=="
#define BD_TEST_RSA1024                                                                            \
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDn7Pc+4gY5z8hHV1suyGGK2A/xF/"                           \
    "GqtCaTxdcKi9MTS2jd8EJDZdIIA85Lf/XQ4Y6J7d6+PuNoQuh7P4Sl/"                                      \
    "p8a7k21eHqdQ056KurS3Uuf4e8PHvn25ioRKOImiW1DGailefOYij/"                                       \
    "DeIDHGIb2Jd72LPvePUfiBkZYpmavS2sqxQIDAQAB"
#define BD_TEST_RSA2048                                                                            \
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAgprTqQrIZDU79dQDEVmmRj2NwbjZiM43UllwWKynDqDjq+"   \
    "B9Ji1R6TP/6La7wZT+t0aNVLhKBGBq/jmvbXD9b/"                                                     \
    "mhgludLKRItZsToy1hy9bdwqPb5w2uXZV65+"                                                         \
    "XtaAnWcCmlhqOCHz98GQLlMtXckFjYrhyriOqzqxoSxjEUBUPHUvcC3u6Hpko6uw2jz8GWXljh3LOz9Kg6JJyyieGRTj" \
    "8EunkusjU/cFJXuG0ONbhzHjOcJNiz71KC/"                                                          \
    "XLvG3jMAUwZmdtn+"                                                                             \
    "DEzrFR2qwycMhdtw2aUJ4HydSKeE0JFO4Jj6jIBdQKTbZKiD6i4Iye3VTITHrbJZfj1TwiS4MXE2wIDAQAB"
#define BD_TEST_ED25519 "TsLLtohnaQxKtrUY9T2h4OmdcrY1w37Sgt7pFk7xZzw="
