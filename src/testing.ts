/** retarget/testing: fakes a user of the library also wants (in-memory network, fake clock). */
export {};
