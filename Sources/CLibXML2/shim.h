#ifndef FUNDWATCH_CLIBXML2_SHIM_H
#define FUNDWATCH_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its UErrorCode clashes with Foundation's copy
   in a clean build. FundWatch never uses libxml2's ICU conversions directly. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/tree.h>

/// Frees memory that libxml2 allocated (`xmlFree` is a mutable global Swift 6 rejects).
static inline void fw_xml_free(void *p) { xmlFree(p); }

static void fw_xml_ignore_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/// Drops libxml2's unstructured messages on this thread (it would print them to stderr);
/// pass 0 to restore the default.
static inline void fw_xml_silence_generic_errors(int silence) {
    xmlSetGenericErrorFunc(NULL, silence ? fw_xml_ignore_generic : NULL);
}

#endif
