/*
 * TEST-ONLY stand-in for Windows 10's bcryptprimitives.dll, for running the keychain binding under Wine.
 *
 * @napi-rs/keyring's Windows binding (like every recent Rust-built binary) imports ProcessPrng from
 * bcryptprimitives.dll, which Windows 10 and later have and Wine 8 does not: without it the binding fails
 * to load ("Cannot find native binding"). This DLL exports ProcessPrng, filling the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine implements. test/windows/wine.ts builds it with
 * x86_64-w64-mingw32-gcc into the throwaway Wine prefix's system32. It is never shipped, and real
 * Windows needs no such thing.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG part = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, part)) return FALSE;
        data += part;
        length -= part;
    }
    return TRUE;
}
