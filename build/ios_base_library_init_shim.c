/* LibTorchSharp 0.107 is built with GCC 13 and imports std::ios_base_library_init()
 * (GLIBCXX_3.4.32) for one purpose: to make sure the iostreams are initialised.
 * Older libstdc++ (GCC 12, Debian 12) initialises them itself and lacks the symbol,
 * so an empty definition is a faithful stand-in. The mangled name keeps this plain C. */
void _ZSt21ios_base_library_initv(void) {}
