/* font.h: (being written) */
#ifndef CP_FONT_H
#define CP_FONT_H
#endif
