// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A token that keeps 1% of every transfer: balance-delta accounting must credit what arrived.
contract FeeToken is ERC20 {
    constructor() ERC20("Fee", "FEE") {
        _mint(msg.sender, 1e30);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value / 100;
        super._update(from, address(0xFEE), fee);
        super._update(from, to, value - fee);
    }
}

/// @notice A plain mintable token for tests.
contract TestToken is ERC20 {
    constructor() ERC20("Test", "TST") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @notice A token whose transfers out of `from` call back into `target` with `data` once: a reentrancy probe.
/// The callback's revert is bubbled up, so a guarded contract makes the outer call fail with its guard's error.
contract ReentrantToken is ERC20 {
    address public from;
    address public target;
    bytes public data;

    constructor() ERC20("Reentrant", "RE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address from_, address target_, bytes calldata data_) external {
        from = from_;
        target = target_;
        data = data_;
    }

    function _update(address sender, address to, uint256 value) internal override {
        super._update(sender, to, value);
        if (sender != address(0) && sender == from && target != address(0)) {
            address t = target;
            target = address(0);
            (bool ok, bytes memory reason) = t.call(data);
            if (!ok) {
                assembly {
                    revert(add(reason, 32), mload(reason))
                }
            }
        }
    }
}
