/* layout.h: (being written) */
#ifndef CP_LAYOUT_H
#define CP_LAYOUT_H
#endif
