#ifndef FUNDWATCH_CMINIZIP_SHIM_H
#define FUNDWATCH_CMINIZIP_SHIM_H

#include <stdint.h>
#include <string.h>
#include <unzip.h>
#include <zip.h>

/* A zip archive held in memory (an upload), read through minizip's I/O callbacks:
   no temporary file. The bytes belong to the caller and must outlive the handle. */
typedef struct {
    const unsigned char *bytes;
    uint64_t size;
    uint64_t position;
} fw_zip_memory;

static voidpf ZCALLBACK fw_zip_memory_open(voidpf opaque, const void *name, int mode) {
    (void)name;
    if (mode & ZLIB_FILEFUNC_MODE_WRITE) return NULL;
    ((fw_zip_memory *)opaque)->position = 0;
    return opaque;
}

static uLong ZCALLBACK fw_zip_memory_read(voidpf opaque, voidpf stream, void *buffer, uLong size) {
    (void)opaque;
    fw_zip_memory *m = (fw_zip_memory *)stream;
    uint64_t left = m->position < m->size ? m->size - m->position : 0;
    uLong n = size < left ? size : (uLong)left;
    if (n > 0) memcpy(buffer, m->bytes + m->position, n);
    m->position += n;
    return n;
}

static uLong ZCALLBACK fw_zip_memory_write(voidpf opaque, voidpf stream, const void *buffer, uLong size) {
    (void)opaque; (void)stream; (void)buffer; (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK fw_zip_memory_tell(voidpf opaque, voidpf stream) {
    (void)opaque;
    return ((fw_zip_memory *)stream)->position;
}

static long ZCALLBACK fw_zip_memory_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin) {
    (void)opaque;
    fw_zip_memory *m = (fw_zip_memory *)stream;
    uint64_t base;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = m->position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = m->size; break;
    default: return -1;
    }
    if (offset > m->size || base > m->size - offset) return -1;
    m->position = base + offset;
    return 0;
}

static int ZCALLBACK fw_zip_memory_close(voidpf opaque, voidpf stream) {
    (void)opaque; (void)stream;
    return 0;
}

static int ZCALLBACK fw_zip_memory_error(voidpf opaque, voidpf stream) {
    (void)opaque; (void)stream;
    return 0;
}

/// Opens a zip held in memory for reading.
static inline unzFile fw_unz_open_memory(fw_zip_memory *memory) {
    zlib_filefunc64_def functions;
    functions.zopen64_file = fw_zip_memory_open;
    functions.zread_file = fw_zip_memory_read;
    functions.zwrite_file = fw_zip_memory_write;
    functions.ztell64_file = fw_zip_memory_tell;
    functions.zseek64_file = fw_zip_memory_seek;
    functions.zclose_file = fw_zip_memory_close;
    functions.zerror_file = fw_zip_memory_error;
    functions.opaque = memory;
    return unzOpen2_64("memory", &functions);
}

#endif
