#ifndef THROUGHLINE_CGRAPHVIZ_SHIM_H
#define THROUGHLINE_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
