/* letter.h: (being written) */
#ifndef CP_LETTER_H
#define CP_LETTER_H
#endif
